namespace CriuBench.Measurements;

/// <summary>
/// One column of a results file, declared once in the manner of BenchmarkDotNet's
/// IMetricDescriptor and crank's MeasurementMetadata: the CSV writer and reader, the summary and
/// the reports all iterate a table of these, so a new measure is one line in that table.
/// </summary>
/// <typeparam name="TRow">The row type of the file (<see cref="MigrationRecord"/>, <see cref="IterationRecord"/>).</typeparam>
public sealed record Column<TRow>
{
    /// <summary>The header name, snake_case (e.g. <c>stop_time_ms</c>).</summary>
    public required string Name { get; init; }

    /// <summary>"ms", "bytes", "pages", "values", ...; empty for text, keys and flags.</summary>
    public string Unit { get; init; } = "";

    /// <summary>What it means, in a sentence without a full stop (the summary's Markdown adds one).</summary>
    public required string Description { get; init; }

    /// <summary>The row's value as invariant text; null is written as an empty field.</summary>
    public required Func<TRow, string?> Format { get; init; }

    /// <summary>
    /// Sets the value of the row from a field's text: the text as written (empty for an empty field),
    /// or null when an older file lacks the column. Null for a column that follows from the others
    /// (direction): it is written for people and ignored when reading.
    /// </summary>
    public Func<TRow, string?, TRow>? Parse { get; init; }

    /// <summary>Files written before the column existed lack it: they read with the row's default.</summary>
    public bool Optional { get; init; }

    /// <summary>
    /// How repeated values reduce: the name under which the summary gives the median, p95, min,
    /// max, mean and standard deviation over a configuration's successful rows (<c>stop_time</c>
    /// for <c>stop_time_ms</c>); null for a column that is not summarised.
    /// </summary>
    public string? Metric { get; init; }

    /// <summary>The numeric value the summary reduces; null for text columns.</summary>
    public Func<TRow, double?>? Value { get; init; }

    public override string ToString() => Unit.Length == 0 ? Name : $"{Name} ({Unit})";
}
