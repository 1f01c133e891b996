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
/// bind mount's path, the same on every host. The exited container a checkpoint leaves is removed
/// once the restore elsewhere succeeded, after the stop window (<see cref="CollectRestoreFilesAsync"/>):
/// left there, it made the next restore onto that host about 100 ms slower, in Podman's own restore
/// time (podman_restore_duration; 2026-12-03, 10 migrations each way), which the bare procedure,
/// removing it after each leg, never paid. Each restore names its container anew.
/// </para>
/// <para>
/// `--print-stats` reports Podman's own time, the runtime's (runc, which holds CRIU's) and CRIU's
/// statistics for both commands: <see cref="TimesOf"/> hands them to the row. A restored container
/// keeps the cgroup parent of the host it was first started on (restore --import takes none), which
/// is in that host's subtree: the lab's teardown and each host's cleanup remove both hosts' subtrees.
/// On cgroup v2 (the VM lab) CRIU restores the tasks into the old container's cgroup, not the new
/// one's: they are moved after the stop window (<see cref="PodmanCommands.MoveToRuncCgroup"/>), or the
/// container's next checkpoint would fail.
/// </para>
/// <para>
/// Pre-copy is one round: `--pre-checkpoint --export` while the container runs, then the checkpoint
/// `--with-previous` (only the pages changed since), restored with `--import-previous`. Podman keeps
/// one pre-checkpoint per container, so a second round could only replace the first.
/// </para>
/// </summary>
public sealed class PodmanEngine : IWorkloadEngine
{
    public string Name => "podman";

    /// <summary>What Podman cannot do, in words that say why; the modes refuse lazy pages by the engine's capabilities, and pre-copy where the hosts track no dirty pages.</summary>
    public Support Supports(Combination combination) =>
        Support.Unless(combination.HostsWithout(host => host.PodmanVersion is not null) is null,
                $"podman is missing on {combination.HostsWithout(host => host.PodmanVersion is not null)}: install podman (with runc) there")
            .Then(() => Support.Unless(!combination.Strategy.SendsPagesDuringDump,
                "Podman has no page server: `podman container checkpoint --export` writes the images into one archive, which the strategy moves; use tar, tar-ssh, rsync, sshfs or nfs"))
            .Then(() => Support.Unless(!combination.Mode.LeaveRunning,
                $"{combination.Mode.Name} copies a first dump while the workload runs and then rsyncs the images' changed blocks; " +
                "Podman's checkpoint is one archive that CriuBench moves whole: migrate Podman cold"))
            .Then(() => Support.Unless(combination.Workload.ExtraDumpArguments.Count == 0,
                $"the podman engine passes no criu_dump_args ({string.Join(' ', combination.Workload.ExtraDumpArguments)}): " +
                "`podman container checkpoint` takes its own flags, not CRIU's; a service's --tcp-established is passed by the engine itself"));

    private int restores;

    /// <summary>What each instance's checkpoint reported, until its restore's report joins it in <see cref="TimesOf"/>.</summary>
    private readonly ConcurrentDictionary<string, PodmanStatistics> checkpoints = new();

    private readonly ConcurrentDictionary<string, PodmanStatistics> restored = new();

    /// <summary>
    /// Where each instance's last checkpoint, made `--with-previous`, has its pre-checkpoint's round:
    /// relative to the images directory, the same on both hosts, so the restore there (or the
    /// fallback's on the source) imports it too.
    /// </summary>
    private readonly ConcurrentDictionary<string, string> previousRounds = new();

    /// <summary>The exited container each instance's last checkpoint left, by instance, until its restore succeeds elsewhere.</summary>
    private readonly ConcurrentDictionary<string, RunningWorkload> exited = new();

    /// <summary>User images (archives on the controller) loaded on each host: (host, archive) to the image's name there.</summary>
    private readonly ConcurrentDictionary<(string Host, string Archive), string> loaded = new();

    /// <summary>Removes what an interrupted run left, then makes the host's storage and loads the busybox image.</summary>
    public async Task PrepareHostAsync(IHost host, CancellationToken ct)
    {
        await RemoveStorageAsync(host, ct);
        await InstallStorageAsync(host, ct);
    }

    /// <summary>The host's storage, made where it is missing and kept where it is, with the busybox image loaded.</summary>
    public static async Task InstallStorageAsync(IHost host, CancellationToken ct)
    {
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
        var flags = PodmanCommands.CheckpointFlags([.. CriuOptions.FromUser(workload.Spec.ExtraDumpArguments), .. workload.Spec.SocketOptions, .. options]);
        var result = await host.RunAsync(PodmanCommands.Checkpoint(workload.Id, PodmanCommands.Archive(imagesDirectory), flags), ct);
        if (!result.Succeeded) throw await CheckpointFailedAsync("podman container checkpoint", workload, imagesDirectory, result, ct);
        checkpoints[workload.Instance] = PodmanStatistics.Parse(result.StandardOutput, "checkpoint");
        exited[workload.Instance] = workload;
        if (options.OfType<CriuOption.ParentImages>().SingleOrDefault() is { } parent) previousRounds[workload.Instance] = parent.Directory;
        else previousRounds.TryRemove(workload.Instance, out _);
    }

    /// <summary>
    /// Podman keeps one pre-checkpoint per container, and `--with-previous` always chains to it:
    /// a second round would replace the first, not follow it.
    /// </summary>
    public string? NoFurtherPreDump(int made) =>
        made >= 1 ? "Podman chains a checkpoint to one pre-checkpoint (--pre-checkpoint, then --with-previous): one round" : null;

    /// <summary>
    /// A pre-copy round while the container runs: `--pre-checkpoint --export` into the round's
    /// directory, which the strategy moves, and the round's stats-dump beside the archive, where the
    /// rounds read it.
    /// </summary>
    public async Task PreDumpAsync(RunningWorkload workload, string imagesDirectory, string? previousImages, IReadOnlyList<CriuOption> options, CancellationToken ct)
    {
        if (previousImages is not null) throw new NotSupportedException($"the podman engine makes one pre-checkpoint round; a second was asked for, chained to {previousImages}");
        foreach (var option in options.Where(option => option is not (CriuOption.LogLevel or CriuOption.WorkDirectory or CriuOption.TrackMemory)))
            throw new NotSupportedException($"the podman engine cannot pass the CRIU pre-dump option '{CriuOptions.Describe([option])}' through `podman container checkpoint --pre-checkpoint`");
        var host = workload.Host;
        var result = await host.RunAsync(PodmanCommands.PreCheckpoint(workload.Id, PodmanCommands.PreArchive(imagesDirectory)), ct);
        if (!result.Succeeded) throw await CheckpointFailedAsync("podman container checkpoint --pre-checkpoint", workload, imagesDirectory, result, ct);
        await host.RunCheckedAsync(PodmanCommands.CollectPreCheckpointStats(workload.Id, imagesDirectory), ct);
    }

    /// <summary>A failed checkpoint or pre-checkpoint, with CRIU's errors from the dump.log --keep leaves in the container's directory.</summary>
    private static async Task<CriuFailedException> CheckpointFailedAsync(string operation, RunningWorkload workload, string imagesDirectory, CommandResult result, CancellationToken ct) =>
        new(operation, workload.Host.Name, imagesDirectory,
            await CriuLog.ReadErrorsAsync(workload.Host, PodmanCommands.UserData(workload.Id), CriuLog.DumpLog, ct), result.StandardError.Trim());

    /// <summary>After a verified restore, outside the stop window: the exited container the checkpoint left on the source goes.</summary>
    public async Task CollectRestoreFilesAsync(RunningWorkload restoredWorkload, string imagesDirectory, CancellationToken ct)
    {
        if (exited.TryRemove(restoredWorkload.Instance, out var source) && (source.Id != restoredWorkload.Id || source.Host.Name != restoredWorkload.Host.Name))
            await source.Host.RunCheckedAsync(PodmanCommands.Remove(source.Id), ct);
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
        // Podman restores kept connections only into the checkpointed container itself (its name and
        // ID): "--tcp-established cannot be used with --name". Where that container exited (the
        // fallback, back on the source), it makes way first; the archive holds all of it.
        var keepsConnections = checkpointed.Spec.SocketOptions.Any(option => option is CriuOption.TcpEstablished);
        var newName = keepsConnections ? null : $"{checkpointed.Instance}-{Interlocked.Increment(ref restores)}";
        var name = newName ?? checkpointed.Id; // the restored container, as inspect and rm find it
        if (keepsConnections && exited.TryGetValue(checkpointed.Instance, out var exitedHere) && exitedHere.Host.Name == host.Name)
            await host.RunCheckedAsync(PodmanCommands.Remove(exitedHere.Id), ct);
        IReadOnlyList<string> flags =
        [
            .. PodmanCommands.RestoreFlags(checkpointed.Spec.SocketOptions),
            .. previousRounds.TryGetValue(checkpointed.Instance, out var round) ? PodmanCommands.ImportPrevious(PodmanCommands.PreArchive($"{imagesDirectory}/{round}")) : [],
        ];
        var result = await host.RunAsync(PodmanCommands.Restore(PodmanCommands.Archive(imagesDirectory), newName, flags), ct);
        if (!result.Succeeded)
        {
            var id = await host.RunAsync(PodmanCommands.Id(name), ct);
            // Without a container, CRIU never ran: Podman's own stderr says why.
            var errors = id.Succeeded
                ? await CriuLog.ReadErrorsAsync(host, PodmanCommands.UserData(id.StandardOutput.Trim()), CriuLog.RestoreLog, ct)
                : [$"no container {name} was created", .. CriuLog.StderrLines(result.StandardError)];
            if (id.Succeeded) await host.RunAsync(PodmanCommands.Remove(name), ct); // what a failed restore left in the storage
            throw new CriuFailedException("podman container restore", host.Name, imagesDirectory, errors, result.StandardError.Trim());
        }
        restored[checkpointed.Instance] = PodmanStatistics.Parse(result.StandardOutput, "restore");
        return new ResumedWorkload(async token =>
        {
            var idAndPid = (await host.RunCheckedAsync(PodmanCommands.IdAndPid(name), token)).StandardOutput.Trim().Split(' ');
            var id = idAndPid[0];
            await host.RunCheckedAsync(PodmanCommands.MoveToRuncCgroup(id, int.Parse(idAndPid[1], System.Globalization.CultureInfo.InvariantCulture)), token);
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
    /// <remarks>
    /// The removal once found a directory not empty (once in a full test run, on a loaded machine;
    /// not traced). Most likely a removed container's conmon was still running Podman's exit
    /// command (`podman container cleanup`), which writes below the root as it starts. It is tried
    /// again a few times; what is still there after that is a real leftover, and the error says so.
    /// </remarks>
    private static async Task RemoveStorageAsync(IHost host, CancellationToken ct)
    {
        if ((await host.RunAsync(Command.Of("test", "-d", PodmanCommands.Storage), ct)).Succeeded)
            await host.RunAsync(PodmanCommands.RemoveAll(), ct);
        for (var attempt = 1; ; attempt++)
        {
            await host.RunCheckedAsync(PodmanCommands.UnmountAll(), ct);
            try
            {
                await host.RemoveAsync(PodmanCommands.Root, ct);
                return;
            }
            catch (CommandFailedException) when (attempt < 10)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), ct);
            }
        }
    }
}
