namespace CriuBench.Workloads.Output;

/// <summary>Parses one output line (without its '\n') from bytes, allocating nothing.</summary>
public static class OutputLine
{
    /// <summary>Longest well-formed line of the strict built-in formats: two 19-digit numbers and a space.</summary>
    public const int MaxLength = 39;

    /// <summary>
    /// True when <paramref name="line"/> is <c>N</c> (Counter) or <c>N T</c> (CounterTimestamp) separated by
    /// one space, followed by more space-separated fields only when <see cref="LineFormat.ExtraFields"/> is set.
    /// N is a non-negative decimal that fits a long; T is read in the format's unit and returned in
    /// nanoseconds (0 for Counter).
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> line, LineFormat format, out long counter, out long timestampNs)
    {
        timestampNs = 0;
        counter = 0;
        int space = line.IndexOf((byte)' ');
        if (!format.HasTimestamp)
            return space < 0 ? TryParseNumber(line, out counter) : format.ExtraFields && TryParseNumber(line[..space], out counter);
        if (space < 0 || !TryParseNumber(line[..space], out counter))
            return false;
        ReadOnlySpan<byte> timestamp = line[(space + 1)..];
        int end = timestamp.IndexOf((byte)' ');
        if (end >= 0)
        {
            if (!format.ExtraFields) return false;
            timestamp = timestamp[..end];
        }
        // The built-in formats' integer nanoseconds keep the shortest path: it is the hot one.
        return format.Unit == TimestampUnit.Nanoseconds
            ? TryParseNumber(timestamp, out timestampNs)
            : TimestampField.TryParse(timestamp, format.Unit, out timestampNs);
    }

    private static bool TryParseNumber(ReadOnlySpan<byte> digits, out long value)
    {
        value = 0;
        if (digits.IsEmpty || digits.Length > 19)
            return false;
        foreach (byte b in digits)
        {
            uint d = (uint)(b - '0');
            if (d > 9)
                return false;
            value = unchecked(value * 10 + d);
        }
        // Only the 19th digit can overflow, and at most once (10^19 < 2^64): overflow shows as negative.
        return value >= 0;
    }
}
