using CriuBench.Criu;
using CriuBench.Hosts;
using CriuBench.Preflight;

namespace CriuBench.Workloads;

/// <summary>How workloads are started, checkpointed, restored and stopped: one class per engine.</summary>
public interface IWorkloadEngine
{
    string Name { get; }

    /// <summary>
    /// Whether it can checkpoint this combination on these hosts, asked when the suite loads. What
    /// it passes on to CRIU is its kind's <see cref="Preflight.EngineCapabilities"/>; an engine
    /// with refusals of its own words overrides this.
    /// </summary>
    Support Supports(Combination combination) => Support.Yes;

    /// <summary>Once per host before the first workload (e.g. start a daemon); undone by <see cref="ShutdownAsync"/>.</summary>
    Task PrepareHostAsync(IHost host, CancellationToken ct) => Task.CompletedTask;

    Task ShutdownAsync(IHost host, CancellationToken ct) => Task.CompletedTask;

    Task<RunningWorkload> StartAsync(IHost host, WorkloadSpec spec, string instance, CancellationToken ct);

    /// <summary>Writes the checkpoint into <paramref name="imagesDirectory"/> on the workload's host, with the
    /// workload's criu_dump_args and <paramref name="options"/> rendered the engine's way; the workload stops.
    /// On failure it throws <see cref="Criu.CriuFailedException"/> and the workload keeps running where it was.</summary>
    Task CheckpointAsync(RunningWorkload workload, string imagesDirectory, IReadOnlyList<CriuOption> options, CancellationToken ct);

    /// <summary>
    /// Pre-copy: writes the memory pages changed since <paramref name="previousImages"/> (relative to
    /// <paramref name="imagesDirectory"/>; null for the first round) while the workload keeps running.
    /// Engines that cannot pre-dump keep this default; the pre-copy modes refuse them when the suite loads.
    /// </summary>
    Task PreDumpAsync(RunningWorkload workload, string imagesDirectory, string? previousImages, IReadOnlyList<CriuOption> options, CancellationToken ct) =>
        throw new NotSupportedException($"the {Name} engine cannot pre-dump");

    /// <summary>
    /// Why no pre-dump round can follow the <paramref name="made"/> rounds already made, in words
    /// for the row's stop reason (the pre-copy rounds stop there whatever the stop rule says); null:
    /// another may. Engines that chain any number of rounds keep this default.
    /// </summary>
    string? NoFurtherPreDump(int made) => null;

    /// <summary>
    /// Before the checkpoint, while the workload still runs: what the restore on <paramref name="destination"/>
    /// can have ready beforehand (e.g. a container created), so it stays out of the stop window.
    /// </summary>
    Task PrepareRestoreAsync(IHost destination, RunningWorkload workload, CancellationToken ct) => Task.CompletedTask;

    /// <summary>Restores from <paramref name="imagesDirectory"/> on <paramref name="host"/>, detached; returns once it runs.</summary>
    Task<RunningWorkload> RestoreAsync(IHost host, RunningWorkload checkpointed, string imagesDirectory, CancellationToken ct);

    /// <summary>
    /// As <see cref="RestoreAsync(IHost, RunningWorkload, string, CancellationToken)"/> with the CRIU
    /// restore options a mode needs (e.g. lazy pages). An engine that cannot pass them refuses
    /// such modes when the suite loads, so reaching the default here is a bug.
    /// </summary>
    Task<RunningWorkload> RestoreAsync(IHost host, RunningWorkload checkpointed, string imagesDirectory, IReadOnlyList<CriuOption> options, CancellationToken ct) =>
        options.Count == 0
            ? RestoreAsync(host, checkpointed, imagesDirectory, ct)
            : throw new NotSupportedException($"the {Name} engine cannot pass CRIU restore options ({CriuOptions.Describe(options)})");

    /// <summary>
    /// The restore split where the stop window ends: returns as soon as the engine's tool has the
    /// workload running again, and finding it (<see cref="ResumedWorkload.LocateAsync"/>) comes after
    /// the window. Engines whose restore knows the workload's identity keep this default.
    /// </summary>
    async Task<ResumedWorkload> ResumeAsync(IHost host, RunningWorkload checkpointed, string imagesDirectory, IReadOnlyList<CriuOption> options, CancellationToken ct) =>
        ResumedWorkload.Located(await RestoreAsync(host, checkpointed, imagesDirectory, options, ct));

    /// <summary>
    /// After a successful restore, outside the stop window: gathers what the engine's tools left
    /// elsewhere (e.g. CRIU's restore statistics) into <paramref name="imagesDirectory"/>, where they are read.
    /// </summary>
    Task CollectRestoreFilesAsync(RunningWorkload restored, string imagesDirectory, CancellationToken ct) => Task.CompletedTask;

    /// <summary>
    /// After a successful restore, outside the stop window: what the engine's own tools reported of
    /// the migration that ended in <paramref name="restored"/> (its own and the runtime's checkpoint and
    /// restore times); null for engines whose tools report nothing.
    /// </summary>
    EngineTimes? TimesOf(RunningWorkload restored) => null;

    Task StopAsync(RunningWorkload workload, CancellationToken ct);
}
