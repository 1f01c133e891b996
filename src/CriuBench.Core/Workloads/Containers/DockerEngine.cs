using System.Collections.Concurrent;
using System.Diagnostics;
using CriuBench.Criu;
using CriuBench.Execution;
using CriuBench.Hosts;
using CriuBench.Preflight;

namespace CriuBench.Workloads.Containers;

/// <summary>
/// The workload in a Docker container, moved the classic way: `docker checkpoint create` on the
/// source's daemon, then on the destination's a new container of the same image and arguments,
/// the checkpoint copied into its checkpoints directory and `docker start --checkpoint`. Each host
/// runs its own dockerd (<see cref="DockerCommands"/>), started in <see cref="PrepareHostAsync"/>.
/// <para>
/// The output the harness reads is a file in the workload's directory, bind-mounted into the
/// container: the same file continues across the migration (the directory moves with the
/// workload), and only the workload writes it, as the counter-gap check and CRIU's restore need.
/// `docker logs` would not do: each restore is a new container with a new log, and Docker, not
/// the workload, writes that file.
/// </para>
/// <para>
/// <see cref="RunningWorkload.Id"/> is the container's full ID; a restore creates a new container.
/// The exited container a checkpoint leaves on the source stays until <see cref="ShutdownAsync"/>:
/// removing it in the checkpoint would add a daemon round trip to every measured checkpoint.
/// </para>
/// </summary>
public sealed class DockerEngine : IWorkloadEngine
{
    public string Name => "docker";

    /// <summary>Docker on every host first; then, `docker checkpoint create` passes no CRIU options: no page server, no lazy pages, no pre-dump.</summary>
    public Support Supports(Combination combination) =>
        Support.Unless(combination.HostsWithout(host => host.Docker) is null,
                $"Docker is missing on {combination.HostsWithout(host => host.Docker)} (dockerd, containerd, /usr/bin/docker): apt-get install docker.io there")
            .Then(() => Support.Unless(!combination.Mode.CriuOptions,
                $"docker checkpoint takes no CRIU options, so it can only migrate cold (not {combination.Mode.Name}): use the runc or process engine"))
            .Then(() => Support.Unless(!combination.Strategy.SendsPagesDuringDump,
                "docker checkpoint cannot send pages to a page server (it takes no CRIU options): use tar, rsync or shared"))
            .Then(() => Support.Unless(combination.Workload.ExtraDumpArguments.Count == 0,
                $"docker checkpoint cannot pass criu_dump_args ({string.Join(' ', combination.Workload.ExtraDumpArguments)})"));

    private static readonly TimeSpan DaemonStartLimit = TimeSpan.FromSeconds(30);

    public async Task PrepareHostAsync(IHost host, CancellationToken ct)
    {
        var rootfs = await BusyboxRootfs.InstallAsync(host, ct);
        await StopDaemonAsync(host, ct); // one left by an interrupted run
        await host.RemoveAsync(DockerCommands.Root, ct);
        await host.MakeDirectoryAsync(DockerCommands.CriuLogs, ct);
        await host.WriteTextAsync(DockerCommands.ConfigFile, DockerCommands.DaemonConfig(HostAssets.On("docker-runc.sh")), ct);
        await host.RunCheckedAsync(DockerCommands.StartDaemon($"{HostCgroups.Scope(host)}/docker"), ct);
        await WaitForDaemonAsync(host, ct);
        await host.RunCheckedAsync(DockerCommands.Import(rootfs), ct);
    }

    /// <summary>Removes every container, stops the daemon, and removes its files, the rootfs copy and the host's cgroups.</summary>
    public async Task ShutdownAsync(IHost host, CancellationToken ct)
    {
        var containers = await host.RunAsync(DockerCommands.Docker("ps", "--all", "--quiet", "--no-trunc"), ct);
        var ids = containers.Succeeded ? containers.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];
        if (ids.Length > 0) await host.RunAsync(DockerCommands.Docker(["rm", "--force", .. ids]), ct);
        await StopDaemonAsync(host, ct);
        await host.RemoveAsync(DockerCommands.Root, ct);
        await BusyboxRootfs.RemoveAsync(host, ct);
        await host.RunCheckedAsync(HostCgroups.RemoveScope(host.Identity), ct);
    }

    public async Task<RunningWorkload> StartAsync(IHost host, WorkloadSpec spec, string instance, CancellationToken ct)
    {
        var directory = HostPaths.WorkloadDirectory(instance);
        await host.RemoveAsync(directory, ct);
        await host.MakeDirectoryAsync($"{directory}/out", ct);
        var started = await host.RunCheckedAsync(DockerCommands.Run(spec, instance), ct);
        return new RunningWorkload(spec, instance, host, started.StandardOutput.Trim()) { OutputFile = DockerCommands.OutputFile(directory) };
    }

    public async Task CheckpointAsync(RunningWorkload workload, string imagesDirectory, IReadOnlyList<CriuOption> options, CancellationToken ct)
    {
        IReadOnlyList<CriuOption> criuOptions = [.. CriuOptions.FromUser(workload.Spec.ExtraDumpArguments), .. options];
        if (criuOptions.Count > 0)
            throw new NotSupportedException($"`docker checkpoint create` cannot pass CRIU arguments ({CriuOptions.Describe(criuOptions)}): use the runc or process engine for this");
        var host = workload.Host;
        var result = await host.RunAsync(DockerCommands.Checkpoint(workload.Id, imagesDirectory), ct);
        if (!result.Succeeded)
            throw new CriuFailedException("docker checkpoint create", host.Name, imagesDirectory,
                await CriuLog.ReadErrorsAsync(host, $"{DockerCommands.CriuLogs}/{workload.Id}", CriuLog.DumpLog, ct), result.StandardError.Trim());
        await host.RunCheckedAsync(DockerCommands.Flatten(imagesDirectory), ct);
    }

    /// <summary>Containers made on a destination before the checkpoint, by (host, instance): `docker create` is a daemon round trip.</summary>
    private readonly ConcurrentDictionary<(string Host, string Instance), string> created = new();

    /// <summary>Creates the container the checkpoint will start in, while the workload still runs on the source.</summary>
    public async Task PrepareRestoreAsync(IHost destination, RunningWorkload workload, CancellationToken ct)
    {
        // One left by a migration that failed before its restore is of no use now.
        if (created.TryRemove((destination.Name, workload.Instance), out var stale))
            await destination.RunAsync(DockerCommands.Remove(stale), ct);
        var made = await destination.RunCheckedAsync(DockerCommands.Create(workload.Spec, workload.Instance), ct);
        created[(destination.Name, workload.Instance)] = made.StandardOutput.Trim();
    }

    public async Task<RunningWorkload> RestoreAsync(IHost host, RunningWorkload checkpointed, string imagesDirectory, CancellationToken ct)
    {
        var id = created.TryRemove((host.Name, checkpointed.Instance), out var ready)
            ? ready
            : (await host.RunCheckedAsync(DockerCommands.Create(checkpointed.Spec, checkpointed.Instance), ct)).StandardOutput.Trim();
        await host.RunCheckedAsync(DockerCommands.InstallCheckpoint(imagesDirectory, id), ct);
        var result = await host.RunAsync(DockerCommands.StartFromCheckpoint(id), ct);
        if (!result.Succeeded)
        {
            var errors = await CriuLog.ReadErrorsAsync(host, $"{DockerCommands.CriuLogs}/{id}", CriuLog.RestoreLog, ct);
            await host.RunAsync(DockerCommands.Remove(id), ct);
            throw new CriuFailedException("docker start --checkpoint", host.Name, imagesDirectory, errors, result.StandardError.Trim());
        }
        return checkpointed with { Host = host, Id = id };
    }

    /// <summary>CRIU's restore statistics, which the runc wrapper kept from containerd, after the stop window.</summary>
    public async Task CollectRestoreFilesAsync(RunningWorkload restored, string imagesDirectory, CancellationToken ct) =>
        await restored.Host.RunCheckedAsync(DockerCommands.KeepRestoreStatistics(restored.Id, imagesDirectory), ct);

    public async Task StopAsync(RunningWorkload workload, CancellationToken ct) =>
        await workload.Host.RunAsync(DockerCommands.Remove(workload.Id), ct);

    private static async Task StopDaemonAsync(IHost host, CancellationToken ct)
    {
        await host.RunCheckedAsync(DockerCommands.StopDaemon(), ct);
        await host.RunCheckedAsync(DockerCommands.UnmountAll(), ct);
    }

    /// <summary>dockerd forks into the background at once and listens a moment later.</summary>
    private static async Task WaitForDaemonAsync(IHost host, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var answer = await host.RunAsync(DockerCommands.Docker("version", "--format", "{{.Server.Version}}"), ct);
            if (answer.Succeeded) return;
            if (clock.Elapsed > DaemonStartLimit)
            {
                var log = await host.RunAsync(Command.Of("tail", "-n", "5", DockerCommands.LogFile), ct);
                throw new InvalidOperationException(
                    $"dockerd did not answer on {host.Name} within {DaemonStartLimit.TotalSeconds:0} s: {log.StandardOutput.Trim()} (log: {DockerCommands.LogFile} there)");
            }
            await Task.Delay(100, ct);
        }
    }
}
