using System.Globalization;
using CriuBench.Measurements;
using CsvHelper;

namespace CriuBench.Reporting;

/// <summary>Reads iterations.csv back (what <see cref="IterationsCsvWriter"/> wrote); none where the file is absent.</summary>
public static class IterationsCsv
{
    public static async Task<IReadOnlyList<IterationRecord>> ReadAsync(string path, CancellationToken ct = default)
    {
        if (!File.Exists(path)) return [];
        var rounds = new List<IterationRecord>();
        await using var csv = CsvReader.FromFile(path, CsvDialect.Reader);
        while (await csv.ReadAsync(ct))
        {
            string? Text(string column) => csv.GetString(column) is { Length: > 0 } text ? text : null;
            long? Long(string column) => Text(column) is { } text ? long.Parse(text, CultureInfo.InvariantCulture) : null;
            double? Double(string column) => Text(column) is { } text ? double.Parse(text, CultureInfo.InvariantCulture) : null;
            rounds.Add(new IterationRecord
            {
                RunId = csv.GetString("run_id"),
                MigrationId = csv.GetString("migration_id"),
                Workload = csv.GetString("workload"),
                Mode = csv.GetString("mode"),
                Strategy = csv.GetString("strategy"),
                LinkRate = csv.GetString("link_rate"),
                Iteration = int.Parse(csv.GetString("iteration"), CultureInfo.InvariantCulture),
                PagesScanned = Long("pages_scanned"),
                PagesWritten = Long("pages_written"),
                PagesSkippedParent = Long("pages_skipped_parent"),
                BytesMoved = Long("bytes_moved"),
                DurationMs = Double("duration_ms"),
                DumpTimeMs = Double("dump_time_ms"),
                TransferTimeMs = Double("transfer_time_ms"),
                CriuFreezingTimeMs = Double("criu_freezing_time_ms"),
                CriuFrozenTimeMs = Double("criu_frozen_time_ms"),
                CriuMemdumpTimeMs = Double("criu_memdump_time_ms"),
                CriuMemwriteTimeMs = Double("criu_memwrite_time_ms"),
                CriuPagePipes = Long("criu_page_pipes"),
                Decision = Text("decision"),
            });
        }
        return rounds;
    }
}
