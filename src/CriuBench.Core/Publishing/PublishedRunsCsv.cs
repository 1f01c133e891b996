using System.Globalization;
using CriuBench.Reporting;
using CsvHelper;

namespace CriuBench.Publishing;

/// <summary>The site's runs.csv: one row per published run, oldest first.</summary>
public static class PublishedRunsCsv
{
    public const string FileName = "runs.csv";

    private static readonly string[] Header = ["run_id", "started_at", "criu_version", "host_kind", "migrations", "failed", "compared_with", "verdict"];

    public static async Task WriteAsync(string path, IEnumerable<PublishedRun> runs, CancellationToken ct = default)
    {
        await using var csv = CsvWriter.ToFile(path, CsvDialect.Writer);
        csv.WriteHeader(Header);
        foreach (var r in runs)
            await csv.WriteRecordAsync([r.RunId, r.StartedAt.ToString("O", CultureInfo.InvariantCulture), r.CriuVersion, r.HostKind,
                r.Migrations.ToString(CultureInfo.InvariantCulture), r.Failed.ToString(CultureInfo.InvariantCulture), r.ComparedWith, r.Verdict], ct);
    }

    /// <exception cref="RunFileException">The file is damaged; the message names it.</exception>
    public static Task<IReadOnlyList<PublishedRun>> ReadAsync(string path, CancellationToken ct = default) =>
        !File.Exists(path) ? Task.FromResult<IReadOnlyList<PublishedRun>>([]) : CsvReadErrors.GuardAsync<IReadOnlyList<PublishedRun>>(path, async () =>
        {
            var runs = new List<PublishedRun>();
            await using var csv = CsvReader.FromFile(path, CsvDialect.Reader);
            while (await csv.ReadAsync(ct))
                runs.Add(new PublishedRun(csv.GetString("run_id"),
                    DateTimeOffset.ParseExact(csv.GetString("started_at"), "O", CultureInfo.InvariantCulture),
                    csv.GetString("criu_version"), csv.GetString("host_kind"),
                    int.Parse(csv.GetString("migrations"), CultureInfo.InvariantCulture), int.Parse(csv.GetString("failed"), CultureInfo.InvariantCulture),
                    csv.GetString("compared_with"), csv.GetString("verdict")));
            return runs;
        });
}
