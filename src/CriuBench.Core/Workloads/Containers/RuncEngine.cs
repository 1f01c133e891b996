using CriuBench.Criu;
using CriuBench.Execution;
using CriuBench.Hosts;
using CriuBench.Preflight;

namespace CriuBench.Workloads.Containers;

/// <summary>
/// The workload as the process of a runc container: an OCI bundle (busybox rootfs and
/// config.json) in the workload's directory, so transfers move it with the images; `runc
/// checkpoint` on the source, `runc restore` from the same bundle path on the destination.
/// The container shares its host's network namespace and has its cgroups under the host's
/// <see cref="HostCgroups"/> subtree; its output is a file inside its root.
/// </summary>
public sealed class RuncEngine : IWorkloadEngine
{
    public string Name => "runc";

    public Support Supports(Combination combination) =>
        Support.Unless(combination.HostsWithout(host => host.RuncVersion is not null) is null,
            $"runc is missing on {combination.HostsWithout(host => host.RuncVersion is not null)}: apt-get install runc there");

    public async Task PrepareHostAsync(IHost host, CancellationToken ct)
    {
        await BusyboxRootfs.InstallAsync(host, ct);
        await host.MakeDirectoryAsync(RuncCommands.StateRoot, ct);
    }

    /// <summary>Stops whatever container is left, then removes the state root, the rootfs copy and the host's cgroups.</summary>
    public async Task ShutdownAsync(IHost host, CancellationToken ct)
    {
        var listed = await host.RunAsync(RuncCommands.List(), ct);
        if (listed.Succeeded)
            foreach (var id in listed.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                await host.RunAsync(RuncCommands.Delete(id), ct);
        await host.RemoveAsync(RuncCommands.StateRoot, ct);
        await BusyboxRootfs.RemoveAsync(host, ct);
        await host.RunCheckedAsync(HostCgroups.RemoveScope(host.Identity), ct);
    }

    public async Task<RunningWorkload> StartAsync(IHost host, WorkloadSpec spec, string instance, CancellationToken ct)
    {
        var directory = HostPaths.WorkloadDirectory(instance);
        var bundle = RuncBundle.In(directory);
        await host.RemoveAsync(directory, ct);
        await host.MakeDirectoryAsync(bundle.Directory, ct);
        await host.RunCheckedAsync(Command.Of("cp", "-a", BusyboxRootfs.OnHost, bundle.Rootfs), ct);
        await WriteConfigAsync(host, spec, instance, bundle, ct);
        await host.RunCheckedAsync(RuncCommands.Run(instance, bundle), ct);
        return new RunningWorkload(spec, instance, host, instance) { OutputFile = bundle.OutputFile };
    }

    public async Task CheckpointAsync(RunningWorkload workload, string imagesDirectory, IReadOnlyList<CriuOption> options, CancellationToken ct)
    {
        var checkpoint = RuncCommands.Checkpoint(workload.Id, imagesDirectory, [.. CriuOptions.FromUser(workload.Spec.ExtraDumpArguments), .. workload.Spec.SocketOptions, .. options]);
        var result = await workload.Host.RunAsync(checkpoint, ct);
        if (!result.Succeeded)
            throw new CriuFailedException("runc checkpoint", workload.Host.Name, imagesDirectory,
                await CriuLog.ReadErrorsAsync(workload.Host, CriuOptions.LogDirectory(imagesDirectory, options), CriuLog.DumpLog, ct),
                result.StandardError.Trim());
    }

    /// <summary>`runc checkpoint --pre-dump`: runc asks CRIU for a pre-dump with memory tracking, chained by --parent-path.</summary>
    public async Task PreDumpAsync(RunningWorkload workload, string imagesDirectory, string? previousImages, IReadOnlyList<CriuOption> options, CancellationToken ct)
    {
        var preDump = RuncCommands.PreDump(workload.Id, imagesDirectory, previousImages, [.. CriuOptions.FromUser(workload.Spec.ExtraDumpArguments), .. options]);
        var result = await workload.Host.RunAsync(preDump, ct);
        if (!result.Succeeded)
            throw new CriuFailedException("runc checkpoint --pre-dump", workload.Host.Name, imagesDirectory,
                await CriuLog.ReadErrorsAsync(workload.Host, imagesDirectory, CriuLog.DumpLog, ct), result.StandardError.Trim());
    }

    /// <summary>The bundle arrived with the workload's directory; its config.json is rewritten for this host's cgroups.</summary>
    public Task<RunningWorkload> RestoreAsync(IHost host, RunningWorkload checkpointed, string imagesDirectory, CancellationToken ct) =>
        RestoreAsync(host, checkpointed, imagesDirectory, [], ct);

    public async Task<RunningWorkload> RestoreAsync(IHost host, RunningWorkload checkpointed, string imagesDirectory, IReadOnlyList<CriuOption> options, CancellationToken ct)
    {
        var bundle = RuncBundle.In(checkpointed.Directory);
        var cgroup = CgroupsPath(host, checkpointed.Instance);
        var config = RuncBundle.Config(checkpointed.Spec.Command, cgroup, "criubench");
        var result = await host.RunAsync(RuncCommands.RestoreWithConfig(checkpointed.Id, imagesDirectory, bundle, config, [.. checkpointed.Spec.SocketOptions, .. options],
            dumpedCgroup: CgroupsPath(checkpointed.Host, checkpointed.Instance), cgroup: cgroup), ct);
        if (!result.Succeeded)
        {
            var errors = await CriuLog.ReadErrorsAsync(host, CriuOptions.LogDirectory(imagesDirectory, options), CriuLog.RestoreLog, ct);
            await host.RunAsync(RuncCommands.Delete(checkpointed.Id), ct); // what a failed restore left in the state root
            throw new CriuFailedException("runc restore", host.Name, imagesDirectory, errors, result.StandardError.Trim());
        }
        return checkpointed with { Host = host };
    }

    public async Task StopAsync(RunningWorkload workload, CancellationToken ct) =>
        await workload.Host.RunAsync(RuncCommands.Delete(workload.Id), ct);

    private static Task WriteConfigAsync(IHost host, WorkloadSpec spec, string instance, RuncBundle bundle, CancellationToken ct) =>
        host.WriteTextAsync(bundle.ConfigFile, RuncBundle.Config(spec.Command, CgroupsPath(host, instance), "criubench"), ct);

    /// <summary>The container's cgroup: in the subtree of the host it runs on.</summary>
    public static string CgroupsPath(IHost host, string instance) => $"{HostCgroups.Scope(host)}/{instance}";
}
