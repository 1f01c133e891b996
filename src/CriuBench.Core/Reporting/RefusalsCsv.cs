using CriuBench.Vocabulary;
using CsvHelper;

namespace CriuBench.Reporting;

/// <summary>refused.csv: the cells a run's hosts could not do and why, for the report's "not supported".</summary>
public static class RefusalsCsv
{
    private static readonly string[] Header = ["workload", "engine", "strategy", "mode", "link_rate", "reason", "cell"];

    public static async Task WriteAsync(string path, IReadOnlyList<RefusedCell> refused, CancellationToken ct = default)
    {
        await using var csv = CsvWriter.ToFile(path, CsvDialect.Writer);
        csv.WriteHeader(Header);
        foreach (var cell in refused)
            await csv.WriteRecordAsync([cell.Workload, cell.Engine, cell.Strategy, cell.Mode, cell.LinkRate, cell.Reason,
                cell.Cell?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ""], ct);
    }

    /// <summary>The refused cells of a run; none where the file is absent (runs made before it existed).</summary>
    public static async Task<IReadOnlyList<RefusedCell>> ReadAsync(string path, CancellationToken ct = default)
    {
        if (!File.Exists(path)) return [];
        var cells = new List<RefusedCell>();
        await using var csv = CsvReader.FromFile(path, CsvDialect.Reader);
        await csv.ReadHeaderAsync(ct);
        var hasCell = csv.TryGetFieldIndex("cell", out var cellIndex);
        while (await csv.ReadAsync(ct))
            cells.Add(new RefusedCell(csv.GetString("workload"), csv.GetString("engine"), csv.GetString("strategy"),
                csv.GetString("mode"), csv.GetString("link_rate"), csv.GetString("reason"))
            {
                Cell = hasCell && csv.GetString(cellIndex) is { Length: > 0 } cell ? int.Parse(cell, System.Globalization.CultureInfo.InvariantCulture) : null,
            });
        return cells;
    }
}
