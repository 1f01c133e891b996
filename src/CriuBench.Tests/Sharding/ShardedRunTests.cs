using CriuBench.Execution;
using CriuBench.Measurements;
using CriuBench.Reporting;
using CriuBench.Running;
using CriuBench.Sharding;
using CriuBench.Suites;
using CriuBench.Tests.Support;
using CriuBench.Vocabulary;
using CriuBench.Workloads.Catalog;

namespace CriuBench.Tests.Sharding;

/// <summary>
/// A suite run for real as 2 shards on the lab, with CRIU 4.1.1 chosen by --criu on both, merged:
/// the merged run holds the cells and counts of the unsharded plan, in its order, with a whole
/// run's files. Two small runs (a counter and a timestamp printer, there and back).
/// </summary>
public sealed class ShardedRunTests
{
    [Fact(Timeout = 600_000)]
    public async Task Two_shards_run_on_the_lab_merge_into_the_unsharded_plan_s_cells()
    {
        Requires.Criu();
        var build = new CriuBuild("4.1.1");
        Assert.True(File.Exists(build.Path), $"this test needs CRIU {build.Version} beside the default: run `sudo {build.BuildCommand}`");
        using var results = new TempDirectory();
        var suite = new Suite
        {
            Name = "shards",
            Workloads = [BuiltinWorkloads.ShellCounter(), BuiltinWorkloads.TimestampPrinter()],
            Strategies = Resolved.Strategies("tar"),
            Repetitions = 2,
            LabName = "cmpt",
            CriuBuild = build,
        };

        var shards = new List<ShardRun>();
        for (var i = 1; i <= 2; i++)
        {
            var outcome = await new SuiteRunner(ProcessRunner.Instance, new CollectingLog())
                .RunAsync(suite with { Shard = new Shard(i, 2) }, Path.Combine(results.Path, $"shard-{i}"), "test", CancellationToken.None);
            Assert.All(outcome.Records, row => Assert.True(row.Succeeded, row.FailureReason));
            shards.Add(await ShardRun.LoadAsync(outcome.RunDirectory));
        }
        var merged = Path.Combine(results.Path, "merged");
        var records = await new RunMerger().MergeAsync(shards, merged, "test merge", CancellationToken.None);

        var environment = await EnvironmentCsv.ReadAsync(Path.Combine(merged, RunFiles.Environment));
        var plan = RunPlan.Build(suite, environment.Hosts, canShapeLink: true);
        Assert.Equal(plan.SuiteCells, environment.SuiteCells);
        Assert.Equal(plan.Cells.SelectMany(c => Enumerable.Repeat($"{c.Index} {c.Spec.Name} {c.Strategy.Name} {c.Mode.Name} {c.Rate.Label}", suite.Repetitions)),
            records.Select(r => $"{r.Cell} {r.Workload} {r.Strategy} {r.Mode} {r.LinkRate}"));
        // The build was used on every host and is in every row.
        Assert.Equal(build.Version, environment.CriuVersion);
        Assert.Equal(build.Path, environment.CriuBuild);
        Assert.All(environment.Hosts, host => Assert.Equal(build.Version, host.CriuVersion));
        Assert.All(records, row => Assert.Equal(build.Version, row.CriuVersion));
        Assert.Equal(plan.Cells.Count, Summarizer.Summarize(records, [Metrics.StopTime]).Count);
        foreach (var file in new[] { RunFiles.Migrations, RunFiles.Refusals, RunFiles.SummaryCsv, RunFiles.SummaryMarkdown, RunFiles.ReportHtml, "charts/report_stop_time_counter.svg",
                     "traces/shard-1-of-2.json", "traces/shard-2-of-2.json" })
            Assert.True(new FileInfo(Path.Combine(merged, file)).Length > 0, $"{file} is missing or empty");
        Assert.Equal(2, Directory.EnumerateDirectories(Path.Combine(merged, "outputs")).Count());
        Assert.True(CriuBench.Hosts.Lab.Lab.Status("cmpt").IsAbsent);
    }
}
