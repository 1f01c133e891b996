using CriuBench.Hosts;

namespace CriuBench.Archive;

/// <summary>
/// Keeps CRIU's logs of a migration (every *.log in an images directory: dump.log, restore.log,
/// page-server.log) as results/&lt;run id&gt;/logs/&lt;migration id&gt;-&lt;host&gt;-&lt;log&gt;.
/// Used for every migration when a suite sets keep_logs: true. Call it before the images directory is removed.
/// </summary>
public sealed class CriuLogArchive(string logsDirectory)
{
    public string Directory => logsDirectory;

    /// <summary>Returns the local paths written; an images directory without logs gives none.</summary>
    public async Task<IReadOnlyList<string>> KeepAsync(IHost host, string imagesDirectory, string migrationId, CancellationToken ct)
    {
        var result = await host.RunAsync(Execution.Command.Of("find", imagesDirectory, "-maxdepth", "1", "-type", "f", "-name", "*.log", "-printf", "%f\\n"), ct);
        if (!result.Succeeded) return [];
        var kept = new List<string>();
        foreach (var log in result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal))
        {
            var local = Path.Combine(logsDirectory, $"{migrationId}-{host.Name}-{log}");
            if (await HostFileCopy.TryCopyAsync(host, $"{imagesDirectory}/{log}", local, ct)) kept.Add(local);
        }
        return kept;
    }
}
