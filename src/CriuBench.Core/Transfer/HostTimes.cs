using System.Globalization;
using CriuBench.Execution;

namespace CriuBench.Transfer;

/// <summary>Steps timed by a host's own clock: a script prints bash's EPOCHREALTIME at each boundary.</summary>
public static class HostTimes
{
    /// <summary>
    /// The durations between consecutive times on the output's last line ("s.us s.us s.us"), or
    /// null where it holds none. bash writes EPOCHREALTIME with the locale's decimal separator.
    /// </summary>
    public static IReadOnlyList<TimeSpan>? Split(CommandResult result) => Split(result.StandardOutput);

    public static IReadOnlyList<TimeSpan>? Split(string output)
    {
        var line = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        if (line is null) return null;
        var times = new List<decimal>();
        foreach (var field in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!decimal.TryParse(field.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds)) return null;
            times.Add(seconds);
        }
        if (times.Count < 2) return null;
        return times.Zip(times.Skip(1), (from, to) => to < from ? TimeSpan.Zero : TimeSpan.FromMicroseconds((double)((to - from) * 1_000_000m))).ToList();
    }
}
