using CriuBench.Criu;
using CriuBench.Hosts;
using CriuBench.Workloads;

namespace CriuBench.Tests.Faults;

/// <summary>
/// The real process engine with a fault injected: <see cref="DuringCheckpoint"/> runs beside the
/// real `criu dump` (e.g. kills it midway), <see cref="AfterRestore"/> after a real restore
/// returned (e.g. stops the restored copy, or removes its images).
/// </summary>
internal sealed class FaultyEngine : IWorkloadEngine
{
    private readonly ProcessEngine inner = new();

    public string Name => inner.Name;

    public Func<RunningWorkload, string, CancellationToken, Task>? DuringCheckpoint { get; init; }
    public Func<RunningWorkload, string, Task>? AfterRestore { get; init; }

    /// <summary>Runs beside the real `criu restore` on <see cref="DuringRestoreOn"/> (e.g. kills it midway).</summary>
    public Func<IHost, string, CancellationToken, Task>? DuringRestore { get; init; }
    public IHost? DuringRestoreOn { get; init; }

    public Task<RunningWorkload> StartAsync(IHost host, WorkloadSpec spec, string instance, CancellationToken ct) => inner.StartAsync(host, spec, instance, ct);

    public async Task CheckpointAsync(RunningWorkload workload, string imagesDirectory, IReadOnlyList<CriuOption> options, CancellationToken ct)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var during = DuringCheckpoint?.Invoke(workload, imagesDirectory, stop.Token) ?? Task.CompletedTask;
        try
        {
            await inner.CheckpointAsync(workload, imagesDirectory, options, ct);
        }
        finally
        {
            await stop.CancelAsync();
            try { await during; } catch (OperationCanceledException) { }
        }
    }

    public async Task<RunningWorkload> RestoreAsync(IHost host, RunningWorkload checkpointed, string imagesDirectory, CancellationToken ct)
    {
        RunningWorkload restored;
        using (var stop = CancellationTokenSource.CreateLinkedTokenSource(ct))
        {
            var during = DuringRestore is { } fault && host == DuringRestoreOn ? fault(host, imagesDirectory, stop.Token) : Task.CompletedTask;
            try
            {
                restored = await inner.RestoreAsync(host, checkpointed, imagesDirectory, ct);
            }
            finally
            {
                await stop.CancelAsync();
                try { await during; } catch (OperationCanceledException) { }
            }
        }
        if (AfterRestore is { } after) await after(restored, imagesDirectory);
        return restored;
    }

    public Task StopAsync(RunningWorkload workload, CancellationToken ct) => inner.StopAsync(workload, ct);
}
