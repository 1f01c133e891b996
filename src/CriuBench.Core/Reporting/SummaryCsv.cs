using CriuBench.Measurements;
using CsvHelper;

namespace CriuBench.Reporting;

/// <summary>summary.csv: one row per configuration and metric, for spreadsheets and for comparing runs.</summary>
public static class SummaryCsv
{
    public static async Task WriteAsync(string path, IEnumerable<SummaryRow> rows, CancellationToken cancellationToken = default)
    {
        await using var csv = CsvWriter.ToFile(path, CsvDialect.Writer);
        csv.WriteHeader<SummaryRow>(); // also when there are no rows, so the file always says what it holds
        foreach (var row in rows) await csv.WriteRecordAsync(row, cancellationToken);
    }

    public static async Task<IReadOnlyList<SummaryRow>> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        await using var csv = CsvReader.FromFile(path, CsvDialect.Reader);
        var rows = new List<SummaryRow>();
        await foreach (var row in csv.GetRecordsAsync<SummaryRow>(cancellationToken)) rows.Add(row);
        return rows;
    }
}
