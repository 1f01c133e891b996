using CriuBench.Measurements;
using CsvHelper;

namespace CriuBench.Reporting;

/// <summary>
/// Reads a results file back through its column table: each column that the table can parse is
/// looked up by name in the header (an optional one may be absent: the row keeps its default), so
/// files written before a column existed still read. Columns the table does not know are ignored.
/// </summary>
internal static class ColumnCsvReader
{
    /// <exception cref="RunFileException">The file is missing, damaged or truncated, or lacks a column; the message names the line and column.</exception>
    public static Task<IReadOnlyList<TRow>> ReadAsync<TRow>(string path, IReadOnlyList<Column<TRow>> columns, TRow blank, CancellationToken ct) =>
        CsvReadErrors.GuardAsync<IReadOnlyList<TRow>>(path, async () =>
        {
            await using var csv = CsvReader.FromFile(path, CsvDialect.Reader);
            await csv.ReadHeaderAsync(ct);
            var fields = new List<(Column<TRow> Column, Func<TRow, string?, TRow> Parse, int Index)>();
            foreach (var column in columns)
            {
                if (column.Parse is not { } parse) continue;
                var found = csv.TryGetFieldIndex(column.Name, out var index);
                if (!found && !column.Optional)
                    throw new InvalidDataException($"it has no column '{column.Name}' (its header: {string.Join(',', csv.Headers)})");
                fields.Add((column, parse, found ? index : -1));
            }
            var rows = new List<TRow>();
            while (await csv.ReadAsync(ct))
            {
                var row = blank;
                foreach (var (column, parse, index) in fields)
                {
                    try { row = parse(row, index < 0 ? null : csv.GetString(index)); }
                    catch (Exception e) when (e is FormatException or OverflowException)
                    {
                        throw new RunFileException($"{path}:{csv.LineNumber} (column {column.Name}): {e.Message.TrimEnd('.')}; {CsvReadErrors.Advice}", e);
                    }
                }
                rows.Add(row);
            }
            return rows;
        });
}
