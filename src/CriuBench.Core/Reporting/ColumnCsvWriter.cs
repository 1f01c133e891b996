using CriuBench.Measurements;
using CsvHelper;

namespace CriuBench.Reporting;

/// <summary>Writes rows as the fields of their column table, in its order and names.</summary>
internal sealed class ColumnCsvWriter<TRow>(IReadOnlyList<Column<TRow>> columns) : CsvRecordWriter<TRow>
{
    /// <summary>The header line as written, without its line end.</summary>
    public string HeaderLine { get; } = string.Join(',', columns.Select(c => c.Name));

    public override int FieldCount => columns.Count;

    public override void WriteHeader(CsvWriter writer)
    {
        foreach (var column in columns) WriteColumnName(writer, column.Name);
    }

    public override void Write(CsvWriter writer, TRow row)
    {
        foreach (var column in columns) writer.WriteField(column.Format(row));
    }
}
