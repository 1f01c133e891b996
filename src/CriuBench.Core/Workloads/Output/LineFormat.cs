namespace CriuBench.Workloads.Output;

/// <summary>
/// How one output line is read: the counter, then (for <see cref="OutputFormat.CounterTimestamp"/>) a
/// timestamp in <see cref="Unit"/>, then, when <see cref="ExtraFields"/> is set, any further fields
/// (which the gap analysis ignores and a <see cref="OutputCheck"/> may test). A plain
/// <see cref="OutputFormat"/> converts to the strict form the built-in workloads print.
/// </summary>
public readonly record struct LineFormat(OutputFormat Kind, TimestampUnit Unit = TimestampUnit.Nanoseconds, bool ExtraFields = false)
{
    /// <summary>Longest line read when extra fields are allowed; longer ones count as malformed.</summary>
    public const int MaxLengthWithExtraFields = 4096;

    public bool HasTimestamp => Kind == OutputFormat.CounterTimestamp;

    /// <summary>Longest line that can be well-formed in this format.</summary>
    public int MaxLength => ExtraFields ? MaxLengthWithExtraFields : HasTimestamp && Unit != TimestampUnit.Nanoseconds ? 64 : OutputLine.MaxLength;

    public static implicit operator LineFormat(OutputFormat kind) => new(kind);

    /// <summary>As a user would write it, e.g. "counter-timestamp (s) with extra fields": used in messages.</summary>
    public override string ToString()
    {
        var text = HasTimestamp ? $"counter-timestamp ({UnitName(Unit)})" : "counter";
        return ExtraFields ? text + " with extra fields" : text;
    }

    public static string UnitName(TimestampUnit unit) => unit switch
    {
        TimestampUnit.Seconds => "s",
        TimestampUnit.Milliseconds => "ms",
        TimestampUnit.Microseconds => "us",
        TimestampUnit.Nanoseconds => "ns",
        _ => "auto",
    };
}
