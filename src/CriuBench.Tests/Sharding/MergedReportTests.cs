using CriuBench.Reporting;
using CriuBench.Sharding;
using CriuBench.Tests.Reporting;
using CriuBench.Vocabulary;

namespace CriuBench.Tests.Sharding;

/// <summary>A merged run's report, written for real (its charts drawn too), is the whole run's.</summary>
public sealed class MergedReportTests : IDisposable
{
    private readonly RunMergerTests runs = new();

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    public async Task Merged_shards_are_the_whole_run_row_for_row(int n)
    {
        var whole = await runs.WriteRunAsync("whole", RunMergerTests.Whole, [RunMergerTests.Refused], Shard.Whole);
        var shards = new List<ShardRun>();
        for (var i = 1; i <= n; i++)
        {
            var shard = new Shard(i, n);
            shards.Add(await ShardRun.LoadAsync(await runs.WriteRunAsync($"shard-{i}", RunMergerTests.Whole.Where(r => shard.Includes(r.Cell!.Value)).ToList(),
                shard.Includes(RunMergerTests.Refused.Cell!.Value) ? [RunMergerTests.Refused] : [], shard)));
        }
        shards.Reverse(); // the order they are given in does not matter

        var merged = runs.temp.File("merged");
        await new RunMerger().MergeAsync(shards, merged, "criubench merge", CancellationToken.None);

        foreach (var file in new[] { RunFiles.Migrations, RunFiles.Refusals, RunFiles.SummaryCsv })
            Assert.Equal(await File.ReadAllTextAsync(Path.Combine(whole, file)), await File.ReadAllTextAsync(Path.Combine(merged, file)));
        var environment = await EnvironmentCsv.ReadAsync(Path.Combine(merged, RunFiles.Environment));
        Assert.Null(environment.Shard);
        Assert.Equal("suite-digest", environment.SuiteCells);
    }

    public void Dispose() => runs.Dispose();
}
