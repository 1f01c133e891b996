using System.Globalization;
using CriuBench.Execution;
using CriuBench.Hosts;
using CriuBench.Hosts.Lab;
using CriuBench.Hosts.Lab.Rescue;

namespace CriuBench.Workloads.Containers;

/// <summary>
/// Brings a rescued Podman checkpoint back in a host of a netns lab, as the run would have on its
/// destination: the workload's files to their path (the container's bind mount), the host's
/// Podman storage with the busybox image (made if missing, kept if there), `podman container
/// restore --import` from the rescue's archive under a new name, and the output watched until it
/// goes on past what the rescue held. The rescue stays as it was, so it can be restored again.
/// A container of the user's own image needs that image in the storage, which a rescue does not
/// hold: Podman's error says which one is missing. The restored container keeps the cgroup
/// parent of the host it was started on (restore --import takes none), which the lab's teardown
/// is told to remove too (<see cref="ForeignCgroupScopes"/>).
/// </summary>
public static class PodmanRescue
{
    /// <summary>Restores <paramref name="workload"/> on <paramref name="host"/>; throws why not.</summary>
    public static async Task<RestoredRescue> RestoreAsync(RescuedWorkload workload, IHost host, CancellationToken ct)
    {
        var archive = workload.Images?.PodmanArchive
            ?? throw new InvalidOperationException($"{workload.Instance} is no Podman checkpoint{(workload.Lacks is { } lacks ? $": {lacks}" : "")}");
        var (output, seam) = await RescueIntoLab.CopyFilesAsync(workload, host, ct);
        await PodmanEngine.InstallStorageAsync(host, ct);
        var name = $"{workload.Instance}-rescued-{DateTime.UtcNow:yyyyMMddHHmmss}";

        var restore = await host.RunAsync(PodmanCommands.Restore(archive, name, []), ct);
        if (!restore.Succeeded)
        {
            await host.RunAsync(PodmanCommands.Remove(name), ct); // what a failed restore left in the storage
            throw new InvalidOperationException($"podman container restore of {workload.Instance} on {host.Name} failed (exit {restore.ExitCode}): "
                + string.Join(" | ", Criu.CriuLog.StderrLines(restore.StandardError)));
        }
        var inspected = (await host.RunCheckedAsync(PodmanCommands.IdPidAndCgroupParent(name), ct)).StandardOutput.Trim().Split(' ', 3);
        var pid = int.Parse(inspected[1], CultureInfo.InvariantCulture);
        if (inspected.Length == 3 && ForeignCgroupScopes.IdentityOf(inspected[2]) is { } identity && identity != host.Identity)
            await ForeignCgroupScopes.RecordAsync(host, identity, ct);
        await host.RunCheckedAsync(PodmanCommands.MoveToRuncCgroup(inspected[0], pid), ct);
        return new RestoredRescue(host, pid, output, seam, await RescueIntoLab.WaitForContinuationAsync(host, output, seam, ct)) { Container = name };
    }
}
