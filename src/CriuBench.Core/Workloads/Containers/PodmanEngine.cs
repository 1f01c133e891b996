using System.Collections.Concurrent;
using CriuBench.Criu;
using CriuBench.Execution;
using CriuBench.Hosts;
using CriuBench.Preflight;

namespace CriuBench.Workloads.Containers;

/// <summary>
/// The workload in a Podman container, moved the way Podman users move one: `podman container
/// checkpoint --export` writes one archive (CRIU's images, the root filesystem's changes, the
/// container's config) into the migration's images directory, the strategy moves that directory, and
/// `podman container restore --import` recreates the container from the archive on the destination.
/// Each host has its own storage (<see cref="PodmanCommands"/>), the image loaded from the same bytes
/// on each, so a checkpoint's image ID is found wherever it is restored.
/// <para>
/// The output the harness reads is a file in the workload's directory, bind-mounted into the
/// container (as for Docker): the directory moves with the workload, and the archive holds the
/// bind mount's path, the same on every host. The exited container a checkpoint leaves stays until
/// <see cref="ShutdownAsync"/> (removing it would add a Podman command to the measured checkpoint),
/// so each restore names its container anew.
/// </para>
/// <para>
/// `--print-stats` reports Podman's own time, the runtime's (runc, which holds CRIU's) and CRIU's
/// statistics for both commands: <see cref="TimesOf"/> hands them to the row. A restored container
/// keeps the cgroup parent of the host it was first started on (restore --import takes none), which
/// is in that host's subtree: the lab's teardown and each host's cleanup remove both hosts' subtrees.
/// </para>
/// </summary>
public sealed class PodmanEngine : IWorkloadEngine
{
    public string Name => "podman";

    /// <summary>What Podman cannot do, in words that say why; the modes refuse lazy pages and pre-dumps by the engine's capabilities.</summary>
    public Support Supports(Combination combination) =>
        Support.Unless(combination.HostsWithout(host => host.PodmanVersion is not null) is null,
                $"podman is missing on {combination.HostsWithout(host => host.PodmanVersion is not null)}: install podman (with runc) there " +
                "(the VM lab's image has none, so Podman's pre-copy, --pre-checkpoint/--with-previous, is not offered there either)")
            .Then(() => Support.Unless(!combination.Strategy.SendsPagesDuringDump,
                "Podman has no page server: `podman container checkpoint --export` writes the images into one archive, which the strategy moves; use tar, tar-ssh, rsync, sshfs or nfs"))
            .Then(() => Support.Unless(!combination.Mode.LeaveRunning,
                $"{combination.Mode.Name} copies a first dump while the workload runs and then rsyncs the images' changed blocks; " +
                "Podman's checkpoint is one archive that CriuBench moves whole: migrate Podman cold"))
            .Then(() => Support.Unless(combination.Workload.ExtraDumpArguments.Count == 0,
                $"the podman engine passes no criu_dump_args yet ({string.Join(' ', combination.Workload.ExtraDumpArguments)}); " +
                "--tcp-established for services is not wired to `podman container checkpoint/restore --tcp-established`"));

    private int restores;

    /// <summary>What each instance's checkpoint reported, until its restore's report joins it in <see cref="TimesOf"/>.</summary>
    private readonly ConcurrentDictionary<string, PodmanStatistics> checkpoints = new();

    private readonly ConcurrentDictionary<string, PodmanStatistics> restored = new();

    /// <summary>User images (archives on the controller) loaded on each host: (host, archive) to the image's name there.</summary>
    private readonly ConcurrentDictionary<(string Host, string Archive), string> loaded = new();

    /// <summary>Removes what an interrupted run left, then makes the host's storage and loads the busybox image.</summary>
    public async Task PrepareHostAsync(IHost host, CancellationToken ct)
    {
        await RemoveStorageAsync(host, ct);
        foreach (var directory in new[] { PodmanCommands.Storage, PodmanCommands.RunRoot, PodmanCommands.TmpDir, PodmanCommands.Volumes, PodmanCommands.Networks })
            await host.MakeDirectoryAsync(directory, ct);
        var image = await PodmanImage.BuildAsync(ct);
        await host.ExtractTarAsync(await ControllerTar.CreateAsync(image, ["."], ct), PodmanCommands.ImageArchive, ct);
        await host.RunCheckedAsync(PodmanCommands.Load(PodmanCommands.ImageArchive), ct);
    }

    /// <summary>Removes every container (and with them their conmon), the storage and state, and the host's cgroups.</summary>
    public async Task ShutdownAsync(IHost host, CancellationToken ct)
    {
        await RemoveStorageAsync(host, ct);
        foreach (var key in loaded.Keys.Where(key => key.Host == host.Name)) loaded.TryRemove(key, out _);
        await host.RunCheckedAsync(HostCgroups.RemoveScope(host.Identity), ct);
    }

    public async Task<RunningWorkload> StartAsync(IHost host, WorkloadSpec spec, string instance, CancellationToken ct)
    {
        var directory = HostPaths.WorkloadDirectory(instance);
        var image = await ImageOnAsync(host, spec, ct);
        await host.RemoveAsync(directory, ct);
        await host.MakeDirectoryAsync($"{directory}/out", ct);
        var started = await host.RunCheckedAsync(PodmanCommands.Run(spec, instance, image, $"{HostCgroups.Scope(host)}/podman"), ct);
        return new RunningWorkload(spec, instance, host, started.StandardOutput.Trim()) { OutputFile = PodmanCommands.OutputFile(directory) };
    }

    public async Task CheckpointAsync(RunningWorkload workload, string imagesDirectory, IReadOnlyList<CriuOption> options, CancellationToken ct)
    {
        var host = workload.Host;
        var flags = PodmanCommands.CheckpointFlags([.. CriuOptions.FromUser(workload.Spec.ExtraDumpArguments), .. options]);
        var result = await host.RunAsync(PodmanCommands.Checkpoint(workload.Id, PodmanCommands.Archive(imagesDirectory), flags), ct);
        if (!result.Succeeded)
            throw new CriuFailedException("podman container checkpoint", host.Name, imagesDirectory,
                await CriuLog.ReadErrorsAsync(host, PodmanCommands.UserData(workload.Id), CriuLog.DumpLog, ct), result.StandardError.Trim());
        checkpoints[workload.Instance] = PodmanStatistics.Parse(result.StandardOutput, "checkpoint");
    }

    /// <summary>A user image must be in the destination's storage before the checkpoint: loading it is no part of the stop window.</summary>
    public async Task PrepareRestoreAsync(IHost destination, RunningWorkload workload, CancellationToken ct) =>
        await ImageOnAsync(destination, workload.Spec, ct);

    public async Task<RunningWorkload> RestoreAsync(IHost host, RunningWorkload checkpointed, string imagesDirectory, CancellationToken ct) =>
        await (await ResumeAsync(host, checkpointed, imagesDirectory, [], ct)).LocateAsync(ct);

    /// <summary>
    /// The stop window ends when `podman container restore` returns with the container running;
    /// its ID, and CRIU's files from the archive and the container, are had after the window.
    /// </summary>
    public async Task<ResumedWorkload> ResumeAsync(IHost host, RunningWorkload checkpointed, string imagesDirectory, IReadOnlyList<CriuOption> options, CancellationToken ct)
    {
        foreach (var option in options.Where(option => option is not (CriuOption.LogLevel or CriuOption.WorkDirectory)))
            throw new NotSupportedException($"the podman engine cannot pass the CRIU restore option '{CriuOptions.Describe([option])}' through `podman container restore`");
        var name = $"{checkpointed.Instance}-{Interlocked.Increment(ref restores)}";
        var result = await host.RunAsync(PodmanCommands.Restore(PodmanCommands.Archive(imagesDirectory), name, []), ct);
        if (!result.Succeeded)
        {
            var id = await host.RunAsync(PodmanCommands.Id(name), ct);
            var errors = id.Succeeded
                ? await CriuLog.ReadErrorsAsync(host, PodmanCommands.UserData(id.StandardOutput.Trim()), CriuLog.RestoreLog, ct)
                : [$"no container {name} was created"];
            await host.RunAsync(PodmanCommands.Remove(name), ct); // what a failed restore left in the storage
            throw new CriuFailedException("podman container restore", host.Name, imagesDirectory, errors, result.StandardError.Trim());
        }
        restored[checkpointed.Instance] = PodmanStatistics.Parse(result.StandardOutput, "restore");
        return new ResumedWorkload(async token =>
        {
            var id = (await host.RunCheckedAsync(PodmanCommands.Id(name), token)).StandardOutput.Trim();
            await host.RunCheckedAsync(PodmanCommands.CollectFiles(imagesDirectory, id), token);
            return checkpointed with { Host = host, Id = id };
        });
    }

    /// <summary>Both reports of the migration that ended in <paramref name="restoredWorkload"/>; each is handed out once.</summary>
    public EngineTimes? TimesOf(RunningWorkload restoredWorkload)
    {
        checkpoints.TryRemove(restoredWorkload.Instance, out var checkpoint);
        restored.TryRemove(restoredWorkload.Instance, out var restore);
        if (checkpoint is null && restore is null) return null;
        var criu = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var report in new[] { checkpoint, restore }.OfType<PodmanStatistics>())
            foreach (var (key, value) in report.Criu) criu[key] = value;
        return new EngineTimes(checkpoint?.Podman, checkpoint?.Runtime, restore?.Podman, restore?.Runtime) { ReportedCriu = criu };
    }

    public async Task StopAsync(RunningWorkload workload, CancellationToken ct) =>
        await workload.Host.RunAsync(PodmanCommands.Remove(workload.Id), ct);

    /// <summary>The image the workload runs: its own archive (loaded on first use on this host), else the busybox image.</summary>
    private async Task<string> ImageOnAsync(IHost host, WorkloadSpec spec, CancellationToken ct)
    {
        if (spec.Image is not { } archive) return PodmanCommands.Image;
        if (loaded.TryGetValue((host.Name, archive), out var name)) return name;
        var directory = $"{PodmanCommands.Root}/user-images";
        var file = $"{(uint)StringComparer.Ordinal.GetHashCode(archive):x8}.tar";
        await host.ExtractFileAsync(await File.ReadAllBytesAsync(archive, ct), directory, file, ct);
        var result = await host.RunCheckedAsync(PodmanCommands.Load($"{directory}/{file}"), ct);
        name = PodmanImage.LoadedName(result.StandardOutput)
            ?? throw new InvalidOperationException($"podman load of {archive} on {host.Name} named no image: {result.StandardOutput.Trim()}");
        await host.RemoveAsync($"{directory}/{file}", ct);
        loaded[(host.Name, archive)] = name;
        return name;
    }

    /// <summary>Every container (forced, at once), what stays mounted below Podman's root, then its files.</summary>
    private static async Task RemoveStorageAsync(IHost host, CancellationToken ct)
    {
        if ((await host.RunAsync(Command.Of("test", "-d", PodmanCommands.Storage), ct)).Succeeded)
            await host.RunAsync(PodmanCommands.RemoveAll(), ct);
        await host.RunCheckedAsync(PodmanCommands.UnmountAll(), ct);
        await host.RemoveAsync(PodmanCommands.Root, ct);
    }
}
