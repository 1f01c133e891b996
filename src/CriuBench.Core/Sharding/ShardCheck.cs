using CriuBench.Measurements;
using CriuBench.Reporting;

namespace CriuBench.Sharding;

/// <summary>
/// Whether run directories are the shards of one run: the same suite (name and the digest of its
/// whole plan), the same hosts' kind and CRIU, every shard 1..N once, and no cell in two of them.
/// Each refusal names the directories and what differs.
/// </summary>
public static class ShardCheck
{
    /// <exception cref="RunFileException">They are not; the message says why.</exception>
    public static void Check(IReadOnlyList<ShardRun> shards)
    {
        if (shards.Count == 0) throw new RunFileException("merge needs the shards' run directories");
        var first = shards[0];
        foreach (var shard in shards)
        {
            if (shard.Environment.SuiteCells is null)
                throw new RunFileException($"{shard.Name} does not say which suite it ran (its environment.csv has no suite_cells: it was made before runs recorded it), so it cannot be merged");
            if (shard.Environment.SuiteCells != first.Environment.SuiteCells || shard.Environment.Suite != first.Environment.Suite)
                throw new RunFileException($"{first.Name} and {shard.Name} ran different suites ('{first.Environment.Suite}' with plan {first.Environment.SuiteCells}, "
                    + $"'{shard.Environment.Suite}' with plan {shard.Environment.SuiteCells}): only shards of one suite merge");
            if (shard.Shard.Count != first.Shard.Count)
                throw new RunFileException($"{first.Name} is shard {first.Shard} and {shard.Name} shard {shard.Shard}: the shards of one run split the suite the same number of ways");
            Same(first, shard, "host kind", e => e.HostKind);
            Same(first, shard, "CRIU version", e => e.CriuVersion);
            Same(first, shard, "criu build", e => e.CriuBuild ?? "");
        }
        foreach (var twice in shards.GroupBy(s => s.Shard.Index).Where(g => g.Count() > 1))
            throw new RunFileException($"{string.Join(" and ", twice.Select(s => s.Name))} are both shard {twice.First().Shard}: give each shard once");
        var missing = Enumerable.Range(1, first.Shard.Count).Except(shards.Select(s => s.Shard.Index)).ToList();
        if (missing.Count > 0)
            throw new RunFileException($"shard {string.Join(", ", missing.Select(i => $"{i}/{first.Shard.Count}"))} is missing: a merged run has every shard of the suite");
        var owner = new Dictionary<Configuration, string>();
        foreach (var shard in shards)
        foreach (var configuration in shard.Records.Select(Configuration.Of).Distinct())
            if (!owner.TryAdd(configuration, shard.Name))
                throw new RunFileException($"{owner[configuration]} and {shard.Name} both hold {configuration.Workload} ({configuration.Engine}) {configuration.Strategy} "
                    + $"{configuration.Mode} {configuration.LinkRate}: shards of one run never share a cell");
    }

    private static void Same(ShardRun first, ShardRun other, string what, Func<RunEnvironment, string> value)
    {
        if (value(first.Environment) != value(other.Environment))
            throw new RunFileException($"{first.Name} and {other.Name} ran with different {what}s ({value(first.Environment)} and {value(other.Environment)}): their times would not be one run's");
    }
}
