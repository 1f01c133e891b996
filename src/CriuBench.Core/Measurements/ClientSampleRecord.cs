using C = CriuBench.Measurements.Columns<CriuBench.Measurements.ClientSampleRecord>;

namespace CriuBench.Measurements;

/// <summary>
/// What a service's client saw in one short slice of time around a migration, one row of
/// client-timeline.csv: how many requests it got answered in the slice and the slowest of them.
/// Slices are <see cref="BinMs"/> wide and counted from the checkpoint's start, so a row with
/// requests 0 is the service not answering (the report draws them: throughput dropping to zero
/// and coming back). Each member's column and meaning are in <see cref="Columns"/>.
/// </summary>
public sealed record ClientSampleRecord
{
    /// <summary>The width of one slice.</summary>
    public const int BinMs = 10;

    public required string RunId { get; init; }
    public required string MigrationId { get; init; }
    public required string Workload { get; init; }
    public required string Engine { get; init; }
    public required string Strategy { get; init; }
    public required string Mode { get; init; }
    public required string LinkRate { get; init; }
    public required int Repetition { get; init; }
    public required int TimeMs { get; init; }
    public required int Requests { get; init; }
    public double? MaxLatencyMs { get; init; }

    /// <summary>client-timeline.csv, column by column in file order (read per migration, not summarised).</summary>
    public static IReadOnlyList<Column<ClientSampleRecord>> Columns { get; } =
    [
        C.Key("run_id", "The run this slice belongs to", r => r.RunId, (r, v) => r with { RunId = v }),
        C.Key("migration_id", "The migration it belongs to (its workload instance and repetition), as in iterations.csv", r => r.MigrationId, (r, v) => r with { MigrationId = v }),
        C.Key("workload", "The workload's name, as in migrations.csv", r => r.Workload, (r, v) => r with { Workload = v }),
        C.Key("engine", "What ran the service", r => r.Engine, (r, v) => r with { Engine = v }),
        C.Key("strategy", "How its images moved", r => r.Strategy, (r, v) => r with { Strategy = v }),
        C.Key("mode", "The migration mode", r => r.Mode, (r, v) => r with { Mode = v }),
        C.Key("link_rate", "The link's shaped rate as given", r => r.LinkRate, (r, v) => r with { LinkRate = v }),
        C.Count("repetition", "The migration's repetition, as in migrations.csv", r => r.Repetition, (r, v) => r with { Repetition = v }),
        C.Count("t_ms", $"Where the slice starts, in ms from the checkpoint's start (negative: before it); each slice is {BinMs} ms wide",
            r => r.TimeMs, (r, v) => r with { TimeMs = v }),
        C.Count("requests", "Requests the client got answered in the slice (by the time its line was printed)", r => r.Requests, (r, v) => r with { Requests = v }),
        C.Number("max_latency_ms", "ms", "The slowest of them, as the client measured it; empty without answers or a latency field",
            r => r.MaxLatencyMs, (r, v) => r with { MaxLatencyMs = v }),
    ];

    /// <summary>What a row read from a file starts as before its columns are set.</summary>
    internal static ClientSampleRecord Blank { get; } = new()
    {
        RunId = "", MigrationId = "", Workload = "", Engine = "", Strategy = "", Mode = "", LinkRate = "", Repetition = 0, TimeMs = 0, Requests = 0,
    };
}
