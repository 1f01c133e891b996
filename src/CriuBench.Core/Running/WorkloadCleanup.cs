using CriuBench.Hosts;
using CriuBench.Logging;
using CriuBench.Workloads;

namespace CriuBench.Running;

/// <summary>What a cell (or the run's warm-up) does with its workload at its end; failures are warnings.</summary>
internal static class WorkloadCleanup
{
    /// <summary>
    /// Stops <paramref name="running"/> where it runs (identity-checked by the engine: a lost one's
    /// PID may be stale), then removes <paramref name="instance"/>'s files from every host, unless
    /// it is null. <paramref name="name"/> says whose in the warnings.
    /// </summary>
    public static async Task StopAndRemoveAsync(IWorkloadEngine engine, RunningWorkload? running, string? instance,
        IReadOnlyList<IHost> hosts, string name, ILog log)
    {
        if (running?.Client is { } client)
        {
            // The client is never migrated: it runs on its host until here, whatever became of its service.
            try { await client.StopAsync(CancellationToken.None); }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.Warning($"{name}: stopping its client on {client.Host.Name} failed: {e.Message}");
            }
        }
        if (running is not null)
        {
            try { await engine.StopAsync(running, CancellationToken.None); }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.Warning($"{name}: stopping it on {running.Host.Name} failed: {e.Message}");
            }
        }
        if (instance is null) return;
        var directory = HostPaths.WorkloadDirectory(instance);
        foreach (var host in hosts)
        {
            try { await host.RemoveAsync(directory, CancellationToken.None); }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.Warning($"{name}: removing {directory} on {host.Name} failed: {e.Message}");
            }
        }
    }
}
