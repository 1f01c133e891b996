namespace CriuBench.Measurements;

/// <summary>
/// A named quantity read from each migration row, declared once so the summary, the Markdown
/// report and the charts agree on its name, unit and meaning.
/// </summary>
/// <param name="Name">snake_case, e.g. <c>stop_time</c>.</param>
/// <param name="Unit">"ms", "bytes", "pages", "values" or "ratio".</param>
/// <param name="Select">The row's value, or null when the row does not know it.</param>
public sealed record Metric(string Name, string Unit, string Description, Func<MigrationRecord, double?> Select)
{
    public override string ToString() => $"{Name} ({Unit})";
}
