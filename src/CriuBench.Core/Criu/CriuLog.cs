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

    public static async Task<IReadOnlyList<string>> ReadErrorsAsync(IHost host, string directory, string logName, CancellationToken ct)
    {
        var log = await host.TryReadTextAsync($"{directory}/{logName}", ct);
        return log is null ? [$"no {logName} in {directory}"] : ErrorLines(log);
    }
}
