using System.Globalization;
using CriuBench.Criu;
using CriuBench.Execution;
using CriuBench.Hosts;

namespace CriuBench.Workloads;

/// <summary>
/// A bare process tree, checkpointed with `criu dump` and restored with `criu restore`.
/// It runs as the init of its own PID namespace (see workloads/launch.sh).
/// </summary>
public sealed class ProcessEngine : IWorkloadEngine
{
    public string Name => "process";

    public async Task<RunningWorkload> StartAsync(IHost host, WorkloadSpec spec, string instance, CancellationToken ct)
    {
        var directory = HostPaths.WorkloadDirectory(instance);
        await host.RemoveAsync(directory, ct);
        await host.MakeDirectoryAsync(directory, ct);
        var started = await host.RunCheckedAsync(Command.Of(WorkloadAssets.Launcher, [directory, .. spec.Command]), ct);
        return new RunningWorkload(spec, instance, host, started.StandardOutput.Trim());
    }

    public async Task CheckpointAsync(RunningWorkload workload, string imagesDirectory, IReadOnlyList<string> extraArguments, CancellationToken ct)
    {
        var dump = CriuCommands.Dump(Pid(workload), imagesDirectory, [.. workload.Spec.ExtraDumpArguments, .. extraArguments]);
        var result = await workload.Host.RunAsync(dump, ct);
        if (!result.Succeeded)
            throw new CriuFailedException("criu dump", workload.Host.Name, imagesDirectory,
                await CriuLog.ReadErrorsAsync(workload.Host, imagesDirectory, CriuLog.DumpLog, ct), result.StandardError.Trim());
    }

    public async Task<RunningWorkload> RestoreAsync(IHost host, RunningWorkload checkpointed, string imagesDirectory, CancellationToken ct)
    {
        var result = await host.RunAsync(CriuCommands.Restore(imagesDirectory, host.Name), ct);
        if (!result.Succeeded)
            throw new CriuFailedException("criu restore", host.Name, imagesDirectory,
                await CriuLog.ReadErrorsAsync(host, imagesDirectory, CriuLog.RestoreLog, ct), result.StandardError.Trim());
        var pid = (await host.ReadTextAsync($"{imagesDirectory}/{CriuCommands.RestorePidFile(host.Name)}", ct)).Trim();
        return checkpointed with { Host = host, Id = pid };
    }

    public async Task StopAsync(RunningWorkload workload, CancellationToken ct)
    {
        // Killing the init of a PID namespace kills every process in it.
        await workload.Host.RunAsync(Command.Of("kill", "-KILL", workload.Id), ct);
    }

    private static int Pid(RunningWorkload workload) => int.Parse(workload.Id, CultureInfo.InvariantCulture);
}
