using System.Globalization;
using CriuBench.Execution;
using CriuBench.Hosts.Lab.Rescue;

namespace CriuBench.Hosts.Lab;

/// <summary>
/// Brings a rescued workload back in a host of a netns lab: its files are copied to their path on
/// the host's disk (the rescue stays as it was, so it can be restored again), `criu restore` runs
/// from the rescued images with its log and PID file on the host's disk, and the workload's output
/// is watched until it goes on past what the rescue held. The lab's programs are the same bytes
/// the run's hosts had (the same repository's workloads/), which CRIU checks for every mapped file.
/// A Podman checkpoint is restored by Podman instead (Workloads.Containers.PodmanRescue), with the
/// same files and the same watch.
/// </summary>
public static class RescueIntoLab
{
    /// <summary>Restores <paramref name="workload"/> on <paramref name="host"/>; throws why not.</summary>
    public static async Task<RestoredRescue> RestoreAsync(RescuedWorkload workload, IHost host, CancellationToken ct)
    {
        if (workload.IsPodman) throw new InvalidOperationException($"{workload.Instance} is a Podman checkpoint: Podman restores it, not CRIU alone");
        var (output, seam) = await CopyFilesAsync(workload, host, ct);
        var criuWork = RescueCommands.WorkDirectory(workload);
        await host.RemoveAsync(criuWork, ct);
        await host.MakeDirectoryAsync(criuWork, ct);

        var restore = await host.RunAsync(RescueCommands.Restore(workload), ct);
        if (!restore.Succeeded)
        {
            var log = $"{criuWork}/{RescueCommands.RestoreLog}";
            var errors = ((await host.TryReadTextAsync(log, ct)) ?? "").Split('\n')
                .Where(line => line.Contains("Error (", StringComparison.Ordinal) && !line.Contains("RLIMIT_NOFILE", StringComparison.Ordinal)).ToList();
            throw new InvalidOperationException($"criu restore of {workload.Instance} on {host.Name} failed (exit {restore.ExitCode}): "
                + (errors.Count > 0 ? string.Join(" | ", errors) : restore.StandardError.Trim()) + $"; its log: {log} on {host.Name}");
        }
        var pidText = await host.TryReadTextAsync(RescueCommands.PidFile(workload), ct);
        if (!int.TryParse(pidText?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            throw new InvalidOperationException($"criu restore returned 0 but wrote no PID to {RescueCommands.PidFile(workload)} on {host.Name}");
        return new RestoredRescue(host, pid, output, seam, await WaitForContinuationAsync(host, output, seam, ct));
    }

    /// <summary>
    /// Copies the rescue's work directory of <paramref name="workload"/> to its path on
    /// <paramref name="host"/> (what was there goes); gives the output file there and its size now,
    /// the seam the restored workload's output goes on from.
    /// </summary>
    public static async Task<(string Output, long Seam)> CopyFilesAsync(RescuedWorkload workload, IHost host, CancellationToken ct)
    {
        var files = workload.WorkDirectory ?? throw new InvalidOperationException($"{workload.Instance} cannot be restored: {workload.Lacks}");
        if (workload.Images is null) throw new InvalidOperationException($"{workload.Instance} cannot be restored: {workload.Lacks}");
        var work = workload.HostWorkDirectory;
        await host.RemoveAsync(work, ct);
        await host.MakeDirectoryAsync(Path.GetDirectoryName(work)!, ct);
        await host.RunCheckedAsync(Command.Of("cp", "-a", files, work), ct);
        var output = $"{work}/{RescuedWorkload.OutputIn(workload.IsPodman)}";
        return (output, await host.FileSizeAsync(output, ct) ?? 0);
    }

    /// <summary>Waits up to 10 s for a full line past <paramref name="seam"/>: the restored workload runs and prints.</summary>
    public static async Task<string?> WaitForContinuationAsync(IHost host, string output, long seam, CancellationToken ct)
    {
        for (var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10); DateTime.UtcNow < deadline; await Task.Delay(50, ct))
        {
            if (await host.FileSizeAsync(output, ct) is not { } size || size <= seam) continue;
            var after = System.Text.Encoding.UTF8.GetString(await host.ReadBytesAsync(output, seam, Math.Min(size - seam, 4096), ct));
            if (after.IndexOf('\n') is var end and > 0) return after[..end];
        }
        return null;
    }
}

/// <summary>A rescued workload running again: where, its PID there, its output and the first line it printed after the rescue's last.</summary>
public sealed record RestoredRescue(IHost Host, int Pid, string OutputFile, long Seam, string? FirstLineAfter)
{
    /// <summary>The Podman container it runs in, for a Podman checkpoint.</summary>
    public string? Container { get; init; }

    public bool Continues => FirstLineAfter is not null;
}
