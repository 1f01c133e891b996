namespace CriuBench.Workloads.Output;

/// <summary>Parses a timestamp field (digits, optionally a '.' and a fraction) into nanoseconds, allocating nothing.</summary>
public static class TimestampField
{
    public static bool TryParse(ReadOnlySpan<byte> text, TimestampUnit unit, out long nanoseconds)
    {
        nanoseconds = 0;
        int dot = text.IndexOf((byte)'.');
        ReadOnlySpan<byte> whole = dot < 0 ? text : text[..dot];
        ReadOnlySpan<byte> fraction = dot < 0 ? default : text[(dot + 1)..];
        if (dot >= 0 && fraction.IsEmpty) return false;
        if (!TryParseDigits(whole, out long integer)) return false;
        long scale = NanosecondsPer(unit == TimestampUnit.Auto ? UnitOfMagnitude(integer) : unit);
        if (integer > long.MaxValue / scale) return false;
        nanoseconds = integer * scale;
        // The fraction counts only down to the nanosecond; finer digits are checked but dropped.
        long place = scale;
        foreach (byte b in fraction)
        {
            uint d = (uint)(b - '0');
            if (d > 9) return false;
            place /= 10;
            nanoseconds += d * place;
        }
        return true;
    }

    /// <summary>The unit a Unix-epoch time of this size is in (see <see cref="TimestampUnit.Auto"/>).</summary>
    public static TimestampUnit UnitOfMagnitude(long integer) => integer switch
    {
        < 100_000_000_000L => TimestampUnit.Seconds,
        < 100_000_000_000_000L => TimestampUnit.Milliseconds,
        < 100_000_000_000_000_000L => TimestampUnit.Microseconds,
        _ => TimestampUnit.Nanoseconds,
    };

    private static long NanosecondsPer(TimestampUnit unit) => unit switch
    {
        TimestampUnit.Seconds => 1_000_000_000,
        TimestampUnit.Milliseconds => 1_000_000,
        TimestampUnit.Microseconds => 1_000,
        _ => 1,
    };

    private static bool TryParseDigits(ReadOnlySpan<byte> digits, out long value)
    {
        value = 0;
        if (digits.IsEmpty || digits.Length > 19) return false;
        foreach (byte b in digits)
        {
            uint d = (uint)(b - '0');
            if (d > 9) return false;
            value = unchecked(value * 10 + d);
        }
        return value >= 0;
    }
}
