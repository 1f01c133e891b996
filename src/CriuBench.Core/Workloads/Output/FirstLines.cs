using System.Text;

namespace CriuBench.Workloads.Output;

/// <summary>
/// Judges the first lines a workload printed against the format its suite declares, so a mismatch
/// is reported once, at the start, with the line that does not fit, instead of as failed migrations.
/// </summary>
public static class FirstLines
{
    /// <summary>How far an auto-detected timestamp may be from now before its unit is doubted.</summary>
    private static readonly TimeSpan Plausible = TimeSpan.FromDays(2);

    /// <summary>Null when the complete lines in <paramref name="start"/> fit; otherwise what is wrong, quoting a line.</summary>
    public static string? Problem(ReadOnlySpan<byte> start, string workload, LineFormat format, OutputCheck? check, DateTimeOffset now)
    {
        var seen = 0;
        for (int nl; (nl = start.IndexOf((byte)'\n')) >= 0; start = start[(nl + 1)..])
        {
            var line = start[..nl];
            seen++;
            if (!OutputLine.TryParse(line, format, out _, out long ns))
                return $"workload {workload}: its output line {seen} '{Quote(line)}' is not a {format} line: {Expected(format)}";
            if (format.HasTimestamp && format.Unit == TimestampUnit.Auto && !IsNear(ns, now))
                return $"workload {workload}: the timestamp in line {seen} '{Quote(line)}' is not a Unix time near now in any unit; give its unit with 'timestamp: s|ms|us|ns'";
            if (check is not null && !OutputFields.TryGet(line, check.HighestField, out _))
                return $"workload {workload}: its check reads field {check.HighestField}, but line {seen} '{Quote(line)}' has fewer fields";
        }
        return seen == 0 ? $"workload {workload} has not printed a complete line yet" : null;
    }

    private static bool IsNear(long ns, DateTimeOffset now) =>
        Math.Abs(ns / 1e9 - now.ToUnixTimeMilliseconds() / 1e3) < Plausible.TotalSeconds;

    private static string Expected(LineFormat format) =>
        (format.HasTimestamp ? $"expected '<counter> <timestamp in {LineFormat.UnitName(format.Unit)}>'" : "expected '<counter>'")
        + (format.ExtraFields ? " then any fields, separated by single spaces" : ", nothing more")
        + "; fix the program or the suite's 'output:'/'timestamp:' keys";

    private static string Quote(ReadOnlySpan<byte> line) => Encoding.UTF8.GetString(line[..Math.Min(line.Length, 120)]);
}
