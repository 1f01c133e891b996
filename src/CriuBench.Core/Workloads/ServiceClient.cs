using CriuBench.Execution;
using CriuBench.Hosts;

namespace CriuBench.Workloads;

/// <summary>
/// A service's client, running on the client host in its own directory (launched like any
/// workload, by workloads/launch.sh, so its output is appended to output.log there); it is never
/// checkpointed, and outlives every migration of its service.
/// </summary>
public sealed record ServiceClient(IHost Host, string Pid, string Directory)
{
    public string OutputFile => $"{Directory}/output.log";
    public string StderrFile => $"{Directory}/stderr.log";

    /// <summary>How long filling or verifying a dataset may take (256 MiB takes seconds).</summary>
    private static readonly TimeSpan DatasetLimit = TimeSpan.FromMinutes(10);

    public static string DirectoryOf(string instance) => HostPaths.WorkloadDirectory(instance + "-client");

    /// <summary>
    /// With the service started: fills its dataset (the spec's fill command, on the client host),
    /// then starts the client, and returns the service with its client attached.
    /// </summary>
    public static async Task<RunningWorkload> StartAsync(RunningWorkload service, IHost clientHost, CancellationToken ct)
    {
        var spec = service.Spec.Service ?? throw new InvalidOperationException($"{service.Spec.Name} is not a service");
        var directory = DirectoryOf(service.Instance);
        await clientHost.RemoveAsync(directory, ct);
        await clientHost.MakeDirectoryAsync(directory, ct);
        if (spec.Fill is { } fill)
        {
            var filled = await clientHost.RunAsync(Command.Of(fill[0], fill.Skip(1)).WithTimeout(DatasetLimit), ct);
            if (!filled.Succeeded)
                throw new InvalidOperationException($"filling {service.Spec.Name}'s dataset from {clientHost.Name} failed (exit {filled.ExitCode}): {Tail(filled)}");
        }
        var started = await clientHost.RunCheckedAsync(Command.Of(HostAssets.Launcher, [directory, .. spec.Client]), ct);
        var client = new ServiceClient(clientHost, started.StandardOutput.Trim(), directory);
        return service with { Client = client, OutputFile = client.OutputFile };
    }

    /// <summary>After the last migration: the spec's verify command on the client host; null when the data survived (or there is nothing to verify), else what it said.</summary>
    public static async Task<(bool Verified, string Message)?> VerifyDatasetAsync(RunningWorkload service, CancellationToken ct)
    {
        if (service.Spec.Service?.Verify is not { } verify || service.Client is not { } client) return null;
        var result = await client.Host.RunAsync(Command.Of(verify[0], verify.Skip(1)).WithTimeout(DatasetLimit), ct);
        var said = string.Join(" ", result.StandardOutput.Trim(), result.StandardError.Trim()).Trim();
        return (result.Succeeded, said.Length > 0 ? said : $"exit {result.ExitCode}");
    }

    /// <summary>Stops the client (its PID namespace, as any launched workload's) and removes its directory.</summary>
    public async Task StopAsync(CancellationToken ct, bool remove = true)
    {
        await Host.RunCheckedAsync(HostAssets.Script("stop-workload.sh", Pid), ct);
        if (remove) await Host.RemoveAsync(Directory, ct);
    }

    private static string Tail(CommandResult result) =>
        string.Join(" | ", (result.StandardError + "\n" + result.StandardOutput).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).TakeLast(3));
}
