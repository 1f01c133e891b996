using C = CriuBench.Measurements.Columns<CriuBench.Measurements.IterationRecord>;

namespace CriuBench.Measurements;

/// <summary>
/// One pre-copy round (or files-precopy's first pass), one row of iterations.csv: what CRIU's
/// stats-dump says the round wrote and skipped, what crossed the link, how long it took, and
/// what the stop rule decided after it. Each member's column and meaning are in <see cref="Columns"/>.
/// Times in ms by the controller's clock unless named Criu*.
/// </summary>
public sealed record IterationRecord
{
    public required string RunId { get; init; }
    public required string MigrationId { get; init; }
    public required string Workload { get; init; }
    public required string Mode { get; init; }
    public required string Strategy { get; init; }
    public required string LinkRate { get; init; }
    public required int Iteration { get; init; }

    public long? PagesScanned { get; init; }
    public long? PagesWritten { get; init; }
    public long? PagesSkippedParent { get; init; }
    public long? BytesMoved { get; init; }

    public double? DurationMs { get; init; }
    public double? DumpTimeMs { get; init; }
    public double? TransferTimeMs { get; init; }

    public double? CriuFreezingTimeMs { get; init; }
    public double? CriuFrozenTimeMs { get; init; }
    public double? CriuMemdumpTimeMs { get; init; }
    public double? CriuMemwriteTimeMs { get; init; }
    public long? CriuPagePipes { get; init; }

    public string? Decision { get; init; }

    /// <summary>iterations.csv, column by column in file order (none is summarised: the rounds are read per migration).</summary>
    public static IReadOnlyList<Column<IterationRecord>> Columns { get; } =
    [
        C.Key("run_id", "The run this round belongs to", r => r.RunId, (r, v) => r with { RunId = v }),
        C.Key("migration_id", "The migration it belongs to (its workload instance and repetition), as in migrations.csv", r => r.MigrationId, (r, v) => r with { MigrationId = v }),
        C.Key("workload", "The workload's name", r => r.Workload, (r, v) => r with { Workload = v }),
        C.Key("mode", "The migration mode that made the round", r => r.Mode, (r, v) => r with { Mode = v }),
        C.Key("strategy", "How the round's images moved", r => r.Strategy, (r, v) => r with { Strategy = v }),
        C.Key("link_rate", "The link's shaped rate as given", r => r.LinkRate, (r, v) => r with { LinkRate = v }),
        C.Count("iteration", "The round, 1 for the first", r => r.Iteration, (r, v) => r with { Iteration = v }),
        C.Number("pages_scanned", "pages", "CRIU: pages the round scanned", r => r.PagesScanned, (r, v) => r with { PagesScanned = v }),
        C.Number("pages_written", "pages", "CRIU: pages the round wrote", r => r.PagesWritten, (r, v) => r with { PagesWritten = v }),
        C.Number("pages_skipped_parent", "pages", "Pages not written because the parent round holds them unchanged", r => r.PagesSkippedParent, (r, v) => r with { PagesSkippedParent = v }),
        C.Number("bytes_moved", "bytes", "Bytes the round sent across the link", r => r.BytesMoved, (r, v) => r with { BytesMoved = v }),
        C.Number("duration_ms", "ms", "The round's dump plus its transfer", r => r.DurationMs, (r, v) => r with { DurationMs = v }),
        C.Number("dump_time_ms", "ms", "The round's dump as seen by the controller", r => r.DumpTimeMs, (r, v) => r with { DumpTimeMs = v }),
        C.Number("transfer_time_ms", "ms", "The round's transfer", r => r.TransferTimeMs, (r, v) => r with { TransferTimeMs = v }),
        C.Number("criu_freezing_time_ms", "ms", "CRIU: freezing the tasks", r => r.CriuFreezingTimeMs, (r, v) => r with { CriuFreezingTimeMs = v }),
        C.Number("criu_frozen_time_ms", "ms", "CRIU: tasks kept frozen during the round's dump", r => r.CriuFrozenTimeMs, (r, v) => r with { CriuFrozenTimeMs = v }),
        C.Number("criu_memdump_time_ms", "ms", "CRIU: dumping memory", r => r.CriuMemdumpTimeMs, (r, v) => r with { CriuMemdumpTimeMs = v }),
        C.Number("criu_memwrite_time_ms", "ms", "CRIU: writing memory pages", r => r.CriuMemwriteTimeMs, (r, v) => r with { CriuMemwriteTimeMs = v }),
        C.Number("criu_page_pipes", "pipes", "CRIU: page pipes the round used", r => r.CriuPagePipes, (r, v) => r with { CriuPagePipes = v }),
        C.Text("decision", "continue, or 'stop: ' and the stop rule's reason", r => r.Decision, (r, v) => r with { Decision = v }),
    ];

    /// <summary>What a row read from a file starts as before its columns are set.</summary>
    internal static IterationRecord Blank { get; } = new()
    {
        RunId = "", MigrationId = "", Workload = "", Mode = "", Strategy = "", LinkRate = "", Iteration = 0,
    };
}
