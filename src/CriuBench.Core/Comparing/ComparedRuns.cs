using CriuBench.Reporting;

namespace CriuBench.Comparing;

/// <summary>A run directory read back for a comparison: its migrations.csv and environment.csv.</summary>
public static class ComparedRuns
{
    /// <exception cref="RunFileException">A file is missing or damaged; the message says which.</exception>
    public static async Task<ComparedRun> LoadAsync(string runDirectory, CancellationToken ct = default)
    {
        var records = await MigrationsCsv.ReadAsync(Path.Combine(runDirectory, RunFiles.Migrations), ct);
        var environment = await EnvironmentCsv.ReadAsync(Path.Combine(runDirectory, RunFiles.Environment), ct);
        return new ComparedRun(NameOf(runDirectory), environment.CriuVersion, environment.HostKind, records);
    }

    /// <summary>The run's own name: results/latest says which run it points at.</summary>
    public static string NameOf(string runDirectory)
    {
        var full = Path.GetFullPath(runDirectory).TrimEnd('/');
        var target = new DirectoryInfo(full).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? full;
        return Path.GetFileName(target.TrimEnd('/'));
    }
}
