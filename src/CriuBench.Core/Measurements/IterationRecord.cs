namespace CriuBench.Measurements;

/// <summary>
/// One pre-copy round (or files-precopy's first pass), one row of iterations.csv: what CRIU's
/// stats-dump says the round wrote and skipped, what crossed the link, how long it took, and
/// what the stop rule decided after it. Times in ms by the controller's clock unless named Criu*.
/// </summary>
public sealed record IterationRecord
{
    public required string RunId { get; init; }
    /// <summary>The migration it belongs to (its workload instance and repetition), as in migrations.csv.</summary>
    public required string MigrationId { get; init; }
    public required string Workload { get; init; }
    public required string Mode { get; init; }
    public required string Strategy { get; init; }
    public required string LinkRate { get; init; }
    /// <summary>1 for the first round.</summary>
    public required int Iteration { get; init; }

    public long? PagesScanned { get; init; }
    public long? PagesWritten { get; init; }
    /// <summary>Pages not written because the parent round holds them unchanged.</summary>
    public long? PagesSkippedParent { get; init; }
    public long? BytesMoved { get; init; }

    /// <summary>The round's dump plus its transfer.</summary>
    public double? DurationMs { get; init; }
    public double? DumpTimeMs { get; init; }
    public double? TransferTimeMs { get; init; }

    public double? CriuFreezingTimeMs { get; init; }
    public double? CriuFrozenTimeMs { get; init; }
    public double? CriuMemdumpTimeMs { get; init; }
    public double? CriuMemwriteTimeMs { get; init; }
    public long? CriuPagePipes { get; init; }

    /// <summary>"continue", or "stop: " and the stop rule's reason.</summary>
    public string? Decision { get; init; }
}
