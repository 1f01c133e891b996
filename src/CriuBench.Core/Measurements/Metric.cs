namespace CriuBench.Measurements;

/// <summary>
/// A named quantity read from each migration row, so the summary, the Markdown report and the
/// charts agree on its name, unit and meaning. Most are a column of <see cref="MigrationRecord.Columns"/>
/// (<see cref="Of"/>); a few are derived from the whole row (<see cref="Metrics"/>).
/// </summary>
/// <param name="Name">snake_case, e.g. <c>stop_time</c>.</param>
/// <param name="Unit">"ms", "bytes", "pages", "values" or "ratio".</param>
/// <param name="Select">The row's value, or null when the row does not know it.</param>
public sealed record Metric(string Name, string Unit, string Description, Func<MigrationRecord, double?> Select)
{
    /// <summary>The metric a summarised column declares.</summary>
    public static Metric Of(Column<MigrationRecord> column) =>
        new(column.Metric ?? throw new ArgumentException($"column {column.Name} is not summarised", nameof(column)),
            column.Unit, column.Description, column.Value ?? throw new ArgumentException($"column {column.Name} has no numeric value", nameof(column)));

    public override string ToString() => $"{Name} ({Unit})";
}
