namespace CriuBench.Workloads.Output;

/// <summary>Parses one output line (without its '\n') from bytes, allocating nothing.</summary>
public static class OutputLine
{
    /// <summary>Longest well-formed line: two 19-digit numbers and a space.</summary>
    public const int MaxLength = 39;

    /// <summary>
    /// True when <paramref name="line"/> is exactly <c>N</c> (Counter) or <c>N T</c> (CounterTimestamp),
    /// both non-negative decimal numbers that fit a long. <paramref name="timestampNs"/> is 0 for Counter.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> line, OutputFormat format, out long counter, out long timestampNs)
    {
        timestampNs = 0;
        if (format == OutputFormat.Counter)
            return TryParseNumber(line, out counter);
        int space = line.IndexOf((byte)' ');
        counter = 0;
        return space >= 0
            && TryParseNumber(line[..space], out counter)
            && TryParseNumber(line[(space + 1)..], out timestampNs);
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
