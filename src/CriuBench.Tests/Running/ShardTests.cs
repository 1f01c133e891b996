using CriuBench.Hosts;
using CriuBench.Preflight;
using CriuBench.Running;
using CriuBench.Suites;
using CriuBench.Vocabulary;

namespace CriuBench.Tests.Running;

/// <summary>`run --shard I/N`: each cell of the suite's plan in exactly one shard, the same one every time.</summary>
[Trait("Category", "Unit")]
public sealed class ShardTests
{
    // Without soft-dirty, so pre-copy cells are refused: refused cells are shared out too.
    private static readonly HostFeatures[] Hosts =
        [.. new[] { "src", "dst" }.Select(name => HostFeatures.Unknown(name, "lab-netns") with { CriuWorks = true, Uffd = true, PipeMaxSize = 4194304, Sshfs = true })];

    private static Suite Default => SuiteLoader.Load(Path.Combine(WorkloadAssets.Directory, "suites", "default.yaml"));

    /// <summary>Three rates, three strategies, three modes (one refused here), four workloads: 108 cells.</summary>
    private static Suite Large => SuiteLoader.Parse(
        "workloads: [counter, timestamps, memory, runc-counter]\nstrategies: [tar, shared, rsync]\nmodes: [cold, postcopy, precopy]\nbandwidth: [100mbit, 1gbit, unlimited]");

    public static TheoryData<int> Counts => [1, 2, 3, 4, 5, 6, 7, 8];

    [Theory]
    [MemberData(nameof(Counts))]
    public void Every_cell_of_the_suite_runs_in_exactly_one_of_n_shards(int n)
    {
        foreach (var suite in new[] { Default, Large })
        {
            var whole = RunPlan.Build(suite, Hosts, canShapeLink: true);
            var shards = Enumerable.Range(1, n).Select(i => RunPlan.Build(suite with { Shard = new Shard(i, n) }, Hosts, canShapeLink: true)).ToList();

            var cells = shards.SelectMany(Indexes).ToList();
            Assert.Equal(Indexes(whole).Order(), cells.Order());
            Assert.Equal(cells.Count, cells.Distinct().Count());
            Assert.Equal(Keys(whole).Order(), shards.SelectMany(Keys).Order());
            // Round-robin: no shard has more than one cell more than another.
            var sizes = shards.Select(s => Indexes(s).Count()).ToList();
            Assert.True(sizes.Max() - sizes.Min() <= 1, string.Join(",", sizes));
            Assert.All(shards, shard => Assert.Equal(whole.SuiteCells, shard.SuiteCells));
        }
    }

    [Theory]
    [MemberData(nameof(Counts))]
    public void A_shard_holds_the_same_cells_every_time_the_suite_runs(int n)
    {
        for (var i = 1; i <= n; i++)
        {
            var first = RunPlan.Build(Large with { Shard = new Shard(i, n) }, Hosts, canShapeLink: true);
            var again = RunPlan.Build(Large with { Shard = new Shard(i, n) }, Hosts, canShapeLink: true);
            Assert.Equal(Keys(first), Keys(again));
            Assert.All(first.Cells, cell => Assert.Equal(i - 1, cell.Index % n));
        }
    }

    [Fact]
    public void Another_suite_has_another_digest()
    {
        var one = RunPlan.Build(Default, Hosts, true).SuiteCells;

        Assert.NotEqual(one, RunPlan.Build(Default with { Repetitions = 3 }, Hosts, true).SuiteCells);
        Assert.NotEqual(one, RunPlan.Build(Large, Hosts, true).SuiteCells);
        Assert.Matches("^[0-9a-f]{16}$", one);
    }

    [Theory]
    [InlineData("1/2", 1, 2)]
    [InlineData("8/8", 8, 8)]
    [InlineData("1/1", 1, 1)]
    public void A_shard_reads_as_i_of_n(string text, int index, int count) => Assert.Equal(new Shard(index, count), Shard.Parse(text));

    [Theory]
    [InlineData("0/2")]
    [InlineData("3/2")]
    [InlineData("1/0")]
    [InlineData("1")]
    [InlineData("a/b")]
    [InlineData("-1/2")]
    [InlineData("1/2/3")]
    [InlineData(" 1/2")]
    public void Anything_else_is_refused(string text) => Assert.Throws<FormatException>(() => Shard.Parse(text));

    private static IEnumerable<int> Indexes(RunPlan plan) => plan.Cells.Select(c => c.Index).Concat(plan.Refused.Select(r => r.Cell!.Value));

    private static IEnumerable<string> Keys(RunPlan plan) =>
        plan.Cells.Select(c => $"{c.Index} {c.Rate} {c.Strategy.Name} {c.Mode.Name} {c.Spec.Name}")
            .Concat(plan.Refused.Select(r => $"{r.Cell} {r.LinkRate} {r.Strategy} {r.Mode} {r.Workload} refused"));
}
