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
    /// <summary>Here, not in the catalog, because a workload without `engine:` is a process (WorkloadSpec's default).</summary>
    public static EngineKind Kind { get; } = new(new("process") { Checkpointer = "criu dump", PreDump = true, LazyPages = true, UsesHostFiles = true, TcpClose = true },
        () => new ProcessEngine());

    public string Name => "process";

    public async Task<RunningWorkload> StartAsync(IHost host, WorkloadSpec spec, string instance, CancellationToken ct)
    {
        var directory = HostPaths.WorkloadDirectory(instance);
        await host.RemoveAsync(directory, ct);
        await host.MakeDirectoryAsync(directory, ct);
        var started = await host.RunAsync(Command.Of(HostAssets.Launcher, [directory, .. spec.Command]), ct);
        // launch.sh says why on stderr: the program exited at once (its code and last stderr line) or never started.
        if (!started.Succeeded)
            throw new InvalidOperationException($"workload {spec.Name} did not start on {host.Name}: "
                + (EarlyExit.LastLine(started.StandardError) ?? $"launch.sh exited with {started.ExitCode} and printed nothing"));
        return new RunningWorkload(spec, instance, host, started.StandardOutput.Trim());
    }

    public async Task CheckpointAsync(RunningWorkload workload, string imagesDirectory, IReadOnlyList<CriuOption> options, CancellationToken ct)
    {
        var dump = CriuCommands.Dump(Pid(workload), imagesDirectory, [.. CriuOptions.FromUser(workload.Spec.ExtraDumpArguments), .. workload.Spec.SocketOptions, .. options]);
        var result = await workload.Host.RunAsync(dump, ct);
        if (!result.Succeeded)
            throw new CriuFailedException("criu dump", workload.Host.Name, imagesDirectory,
                await CriuLog.ReadErrorsAsync(workload.Host, CriuOptions.LogDirectory(imagesDirectory, options), CriuLog.DumpLog, ct),
                result.StandardError.Trim(), result.ExitCode);
    }

    public async Task PreDumpAsync(RunningWorkload workload, string imagesDirectory, string? previousImages, IReadOnlyList<CriuOption> options, CancellationToken ct)
    {
        var preDump = CriuCommands.PreDump(Pid(workload), imagesDirectory, previousImages, [.. CriuOptions.FromUser(workload.Spec.ExtraDumpArguments), .. options]);
        var result = await workload.Host.RunAsync(preDump, ct);
        if (!result.Succeeded)
            throw new CriuFailedException("criu pre-dump", workload.Host.Name, imagesDirectory,
                await CriuLog.ReadErrorsAsync(workload.Host, imagesDirectory, CriuLog.PreDumpLog, ct), result.StandardError.Trim());
    }

    public Task<RunningWorkload> RestoreAsync(IHost host, RunningWorkload checkpointed, string imagesDirectory, CancellationToken ct) =>
        RestoreAsync(host, checkpointed, imagesDirectory, [], ct);

    public async Task<RunningWorkload> RestoreAsync(IHost host, RunningWorkload checkpointed, string imagesDirectory, IReadOnlyList<CriuOption> options, CancellationToken ct) =>
        await (await ResumeAsync(host, checkpointed, imagesDirectory, options, ct)).LocateAsync(ct);

    /// <summary>
    /// `criu restore` alone, as a user types it: the stop window ends when it returns. The new root's
    /// PID is read from the file CRIU wrote afterwards, outside the window.
    /// </summary>
    public async Task<ResumedWorkload> ResumeAsync(IHost host, RunningWorkload checkpointed, string imagesDirectory, IReadOnlyList<CriuOption> options, CancellationToken ct)
    {
        var result = await host.RunAsync(CriuCommands.Restore(imagesDirectory, host.Name).WithArguments(CriuOptions.Render([.. checkpointed.Spec.SocketOptions, .. options])), ct);
        if (!result.Succeeded)
            throw new CriuFailedException("criu restore", host.Name, imagesDirectory,
                await CriuLog.ReadErrorsAsync(host, CriuOptions.LogDirectory(imagesDirectory, options), CriuLog.RestoreLog, ct),
                result.StandardError.Trim(), result.ExitCode);
        var pidFile = CriuCommands.RestorePidFilePath(imagesDirectory, host.Name);
        return new ResumedWorkload(async token => checkpointed with { Host = host, Id = RestoredPid(await host.TryReadTextAsync(pidFile, token), pidFile) });
    }

    /// <summary>The PID in CRIU's --pidfile (written without a newline); a restore that left none, or garbage, failed.</summary>
    public static string RestoredPid(string? pidFileText, string pidFile) =>
        int.TryParse(pidFileText?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && pid > 0
            ? pid.ToString(CultureInfo.InvariantCulture)
            : throw new InvalidOperationException(pidFileText is null
                ? $"criu restore returned 0 but wrote no PID file ({pidFile})"
                : $"criu restore returned 0 but its PID file {pidFile} holds '{pidFileText.Trim()}', not a PID");

    /// <summary>Kills the workload's PID namespace through its init, if that PID still is one on this host (see the script).</summary>
    public async Task StopAsync(RunningWorkload workload, CancellationToken ct) =>
        await workload.Host.RunCheckedAsync(HostAssets.Script("stop-workload.sh", workload.Id), ct);

    private static int Pid(RunningWorkload workload) => int.Parse(workload.Id, CultureInfo.InvariantCulture);
}
