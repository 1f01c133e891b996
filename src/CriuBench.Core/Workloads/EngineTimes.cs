using CriuBench.Measurements;

namespace CriuBench.Workloads;

/// <summary>
/// What an engine's own tools report of one migration (podman --print-stats): the engine's whole
/// checkpoint and restore, and the container runtime's part of each, which holds CRIU's. Null
/// where the tool did not say. <see cref="ReportedCriu"/> are the CRIU statistics the tool passed
/// on, by CRIU's names, in CRIU's microseconds: the same numbers as the images' stats files, which
/// a test checks.
/// </summary>
public sealed record EngineTimes(TimeSpan? EngineCheckpoint, TimeSpan? RuntimeCheckpoint, TimeSpan? EngineRestore, TimeSpan? RuntimeRestore)
{
    public IReadOnlyDictionary<string, long> ReportedCriu { get; init; } = new Dictionary<string, long>();

    public MigrationRecord AddTo(MigrationRecord row) => row with
    {
        EngineCheckpointTimeMs = EngineCheckpoint?.TotalMilliseconds,
        RuntimeCheckpointTimeMs = RuntimeCheckpoint?.TotalMilliseconds,
        EngineRestoreTimeMs = EngineRestore?.TotalMilliseconds,
        RuntimeRestoreTimeMs = RuntimeRestore?.TotalMilliseconds,
    };
}
