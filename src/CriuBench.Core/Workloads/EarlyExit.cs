using System.Globalization;

namespace CriuBench.Workloads;

/// <summary>
/// What a workload that ended by itself before it was migrated says about why: launch.sh's watcher
/// writes the program's exit code to <see cref="StatusFile"/> in its directory (never for a
/// program killed by a signal, as a dump kills it), and its stderr usually names the mistake.
/// </summary>
public static class EarlyExit
{
    public const string StatusFile = "exit-status";

    /// <summary>"workload W exited with code N on src ...; its last stderr line: ...", or null when no exit code was written.</summary>
    public static string? Describe(string workload, string host, string? exitStatus, string? stderr, bool printedSomething = false)
    {
        if (!int.TryParse(exitStatus?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var code)) return null;
        var when = printedSomething ? "right after its first lines" : "before it printed anything";
        return $"workload {workload} exited with code {code} on {host} {when}"
            + (LastLine(stderr) is { } last ? $"; its last stderr line: {last}" : "; its stderr is empty");
    }

    /// <summary>The last line with something on it.</summary>
    public static string? LastLine(string? text) =>
        (text ?? "").Split('\n').Select(line => line.Trim()).LastOrDefault(line => line.Length > 0);
}
