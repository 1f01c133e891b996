using System.Globalization;
using CriuBench.Reporting;
using CsvHelper;

namespace CriuBench.Publishing;

/// <summary>The site's history.csv: every published run's headline medians, oldest run first.</summary>
public static class HistoryCsv
{
    public const string FileName = "history.csv";

    private static readonly string[] Header =
        ["run_id", "started_at", "criu_version", "workload", "engine", "strategy", "mode", "link_rate", "n", "median_stop_time_ms"];

    public static async Task WriteAsync(string path, IEnumerable<HistoryRow> rows, CancellationToken ct = default)
    {
        await using var csv = CsvWriter.ToFile(path, CsvDialect.Writer);
        csv.WriteHeader(Header);
        foreach (var r in rows)
            await csv.WriteRecordAsync([r.RunId, r.StartedAt.ToString("O", CultureInfo.InvariantCulture), r.CriuVersion, r.Workload, r.Engine, r.Strategy,
                r.Mode, r.LinkRate, r.N.ToString(CultureInfo.InvariantCulture), r.MedianStopTimeMs.ToString("R", CultureInfo.InvariantCulture)], ct);
    }

    /// <summary>The rows of a site's history; none on a new site.</summary>
    /// <exception cref="RunFileException">The file is damaged; the message names it.</exception>
    public static Task<IReadOnlyList<HistoryRow>> ReadAsync(string path, CancellationToken ct = default) =>
        !File.Exists(path) ? Task.FromResult<IReadOnlyList<HistoryRow>>([]) : CsvReadErrors.GuardAsync<IReadOnlyList<HistoryRow>>(path, async () =>
        {
            var rows = new List<HistoryRow>();
            await using var csv = CsvReader.FromFile(path, CsvDialect.Reader);
            while (await csv.ReadAsync(ct))
                rows.Add(new HistoryRow(csv.GetString("run_id"),
                    DateTimeOffset.ParseExact(csv.GetString("started_at"), "O", CultureInfo.InvariantCulture),
                    csv.GetString("criu_version"), csv.GetString("workload"), csv.GetString("engine"), csv.GetString("strategy"),
                    csv.GetString("mode"), csv.GetString("link_rate"),
                    int.Parse(csv.GetString("n"), CultureInfo.InvariantCulture),
                    double.Parse(csv.GetString("median_stop_time_ms"), NumberStyles.Float, CultureInfo.InvariantCulture)));
            return rows;
        });
}
