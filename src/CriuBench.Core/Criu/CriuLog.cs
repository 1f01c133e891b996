using CriuBench.Hosts;

namespace CriuBench.Criu;

/// <summary>Picks the lines that explain a failure out of a CRIU log.</summary>
public static class CriuLog
{
    public const string DumpLog = "dump.log";
    public const string RestoreLog = "restore.log";
    public const string PreDumpLog = "pre-dump.log";

    /// <summary>Printed by every CRIU run on this kind of machine and harmless (see ENVIRONMENT.md).</summary>
    private const string HarmlessRlimitError = "Can't setup RLIMIT_NOFILE";

    public static IReadOnlyList<string> ErrorLines(string log, int max = 6) =>
        log.Split('\n')
            .Where(line => line.Contains("Error", StringComparison.Ordinal) && !line.Contains(HarmlessRlimitError, StringComparison.Ordinal))
            .Select(line => line.Trim())
            .TakeLast(max)
            .ToList();

    /// <summary>
    /// The error lines of the log, none when there is no log: CRIU writes none when it rejects its
    /// command line, and then its complaint is on stderr (<see cref="StderrLines"/>).
    /// </summary>
    public static async Task<IReadOnlyList<string>> ReadErrorsAsync(IHost host, string directory, string logName, CancellationToken ct)
    {
        var log = await host.TryReadTextAsync($"{directory}/{logName}", ct);
        return log is null ? [] : ErrorLines(log);
    }

    /// <summary>The last lines of what a CRIU (or runc, docker) printed on stderr, without the harmless rlimit warning.</summary>
    public static IReadOnlyList<string> StderrLines(string? stderr, int max = 3) =>
        (stderr ?? "").Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.Contains(HarmlessRlimitError, StringComparison.Ordinal))
            .TakeLast(max)
            .ToList();
}
