using CriuBench.Measurements;
using CriuBench.Reporting;
using CriuBench.Sharding;
using CriuBench.Tests.Comparing;
using CriuBench.Tests.Reporting;
using CriuBench.Tests.Support;
using CriuBench.Vocabulary;

namespace CriuBench.Tests.Sharding;

/// <summary>`merge`: shards of one run become the run as if it had run whole; anything else is refused with the reason.</summary>
[Trait("Category", "Unit")]
public sealed class RunMergerTests : IDisposable
{
    internal readonly TempDirectory temp = new();

    /// <summary>The whole run: 3 workloads × 2 strategies, numbered as the plan numbers cells, plus one refused cell.</summary>
    internal static readonly IReadOnlyList<MigrationRecord> Whole = Numbered(ComparisonRuns.Records());

    internal static readonly RefusedCell Refused = new("memory", "process", "tar", "postcopy", "1gbit", "no uffd") { Cell = 6 };

    [Fact]
    public async Task Shards_of_different_suites_are_refused()
    {
        var one = await LoadAsync("a", Whole.Where(r => r.Cell % 2 == 0).ToList(), new Shard(1, 2));
        var other = await LoadAsync("b", Whole.Where(r => r.Cell % 2 == 1).ToList(), new Shard(2, 2), digest: "another-digest");

        var refused = await Assert.ThrowsAsync<RunFileException>(() => MergeAsync(one, other));

        Assert.Contains("a and b ran different suites", refused.Message);
        Assert.False(Directory.Exists(temp.File("merged")));
    }

    [Fact]
    public async Task Shards_that_share_a_cell_are_refused()
    {
        var one = await LoadAsync("a", Whole.Where(r => r.Cell % 2 == 0).ToList(), new Shard(1, 2));
        var other = await LoadAsync("b", Whole.Where(r => r.Cell % 2 == 1 || r.Cell == 0).ToList(), new Shard(2, 2));

        var refused = await Assert.ThrowsAsync<RunFileException>(() => MergeAsync(one, other));

        Assert.Contains("a and b both hold counter (process) tar cold 1gbit", refused.Message);
    }

    [Fact]
    public async Task A_missing_shard_is_refused()
    {
        var one = await LoadAsync("a", Whole.Where(r => r.Cell % 3 == 0).ToList(), new Shard(1, 3));
        var two = await LoadAsync("b", Whole.Where(r => r.Cell % 3 == 1).ToList(), new Shard(2, 3));

        var refused = await Assert.ThrowsAsync<RunFileException>(() => MergeAsync(one, two));

        Assert.Contains("shard 3/3 is missing", refused.Message);
    }

    [Fact]
    public async Task The_same_shard_twice_is_refused()
    {
        var one = await LoadAsync("a", Whole.Where(r => r.Cell % 2 == 0).ToList(), new Shard(1, 2));
        var again = await LoadAsync("b", Whole.Where(r => r.Cell % 2 == 0).ToList(), new Shard(1, 2));

        var refused = await Assert.ThrowsAsync<RunFileException>(() => MergeAsync(one, again));

        Assert.Contains("a and b are both shard 1/2", refused.Message);
    }

    [Fact]
    public async Task Shards_made_with_different_criu_builds_are_refused()
    {
        var one = await LoadAsync("a", Whole.Where(r => r.Cell % 2 == 0).ToList(), new Shard(1, 2));
        var other = await LoadAsync("b", Whole.Where(r => r.Cell % 2 == 1).ToList(), new Shard(2, 2), criu: "4.1.1");

        var refused = await Assert.ThrowsAsync<RunFileException>(() => MergeAsync(one, other));

        Assert.Contains("different CRIU versions (4.0 and 4.1.1)", refused.Message);
    }

    [Fact]
    public async Task A_run_from_before_suites_were_recorded_is_refused()
    {
        var old = await LoadAsync("old", Whole, Shard.Whole, digest: null);

        var refused = await Assert.ThrowsAsync<RunFileException>(() => MergeAsync(old));

        Assert.Contains("old does not say which suite it ran", refused.Message);
    }

    private Task MergeAsync(params ShardRun[] shards) =>
        new RunMerger().MergeAsync(shards, temp.File("merged"), "criubench merge", CancellationToken.None);

    private async Task<ShardRun> LoadAsync(string name, IReadOnlyList<MigrationRecord> records, Shard shard, string? digest = "suite-digest", string criu = "4.0") =>
        await ShardRun.LoadAsync(await WriteRunAsync(name, records, [], shard, digest, criu));

    internal async Task<string> WriteRunAsync(string name, IReadOnlyList<MigrationRecord> records, IReadOnlyList<RefusedCell> refused, Shard shard,
        string? digest = "suite-digest", string criu = "4.0")
    {
        var directory = temp.File(name);
        Directory.CreateDirectory(directory);
        await MigrationsCsv.WriteAsync(Path.Combine(directory, RunFiles.Migrations), records);
        await RefusalsCsv.WriteAsync(Path.Combine(directory, RunFiles.Refusals), refused);
        var environment = SampleEnvironment.Create() with { CriuVersion = criu, Suite = "default", SuiteCells = digest, Shard = shard.IsWhole ? null : shard.ToString() };
        await EnvironmentCsv.WriteAsync(Path.Combine(directory, RunFiles.Environment), environment);
        await SummaryCsv.WriteAsync(Path.Combine(directory, RunFiles.SummaryCsv), Summarizer.Summarize(records));
        return directory;
    }

    /// <summary>Each configuration's rows get its cell number in order of first appearance, as the plan numbers them.</summary>
    private static IReadOnlyList<MigrationRecord> Numbered(IReadOnlyList<MigrationRecord> records)
    {
        var cells = new Dictionary<Configuration, int>();
        return records.Select(r =>
        {
            var key = Configuration.Of(r);
            if (!cells.TryGetValue(key, out var cell)) cells[key] = cell = cells.Count + (cells.Count >= 6 ? 1 : 0);
            return r with { Cell = cell };
        }).ToList();
    }

    public void Dispose() => temp.Dispose();
}
