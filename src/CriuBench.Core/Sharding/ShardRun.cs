using CriuBench.Measurements;
using CriuBench.Reporting;
using CriuBench.Vocabulary;

namespace CriuBench.Sharding;

/// <summary>One shard's run directory, read back for `merge`: its files and which shard of which suite it ran.</summary>
public sealed record ShardRun(
    string Directory,
    RunEnvironment Environment,
    IReadOnlyList<MigrationRecord> Records,
    IReadOnlyList<RefusedCell> Refused,
    IReadOnlyList<IterationRecord> Iterations,
    IReadOnlyList<ClientSampleRecord>? ClientTimeline = null)
{
    /// <summary>The shard it ran: 1/1 for a run of the whole suite.</summary>
    public Shard Shard => Environment.Shard is { } text ? Shard.Parse(text) : Shard.Whole;

    public string Name => Path.GetFileName(Directory.TrimEnd('/'));

    /// <exception cref="RunFileException">It is no run directory, or a file is damaged; the message says which.</exception>
    public static async Task<ShardRun> LoadAsync(string directory, CancellationToken ct = default)
    {
        var full = Path.GetFullPath(directory);
        if (!System.IO.Directory.Exists(full)) throw new RunFileException($"{directory} does not exist: give the shards' run directories");
        foreach (var file in new[] { RunFiles.Migrations, RunFiles.Environment })
            if (!File.Exists(Path.Combine(full, file))) throw new RunFileException($"{directory} has no {file}: give the shards' run directories");
        var resolved = new DirectoryInfo(full).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? full;
        return new ShardRun(resolved,
            await EnvironmentCsv.ReadAsync(Path.Combine(full, RunFiles.Environment), ct),
            await MigrationsCsv.ReadAsync(Path.Combine(full, RunFiles.Migrations), ct),
            await RefusalsCsv.ReadAsync(Path.Combine(full, RunFiles.Refusals), ct),
            await IterationsCsv.ReadAsync(Path.Combine(full, RunFiles.Iterations), ct),
            await ClientTimelineCsv.ReadAsync(Path.Combine(full, RunFiles.ClientTimeline), ct));
    }
}
