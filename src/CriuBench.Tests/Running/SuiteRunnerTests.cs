using CriuBench.Execution;
using CriuBench.Reporting;
using CriuBench.Running;
using CriuBench.Suites;
using CriuBench.Tests.Support;
using CriuBench.Workloads;
using CriuBench.Workloads.Catalog;

namespace CriuBench.Tests.Running;

/// <summary>A whole small run on a real lab: every row in the CSV with its workload's parameters, the reports written, the lab gone afterwards.</summary>
public class SuiteRunnerTests
{
    [Fact(Timeout = 600_000)]
    public async Task A_run_migrates_every_cell_and_writes_rows_summaries_and_charts()
    {
        Requires.Criu();
        using var results = new TempDirectory();
        var suite = new Suite
        {
            Name = "itest",
            Workloads = [BuiltinWorkloads.ShellCounter(), BuiltinWorkloads.TimestampPrinter(), BuiltinWorkloads.MemoryHog(16, dirtyMibPerSecond: 4)],
            Strategies = Resolved.Strategies("tar", "shared"),
            Repetitions = 2,
            LabName = "trun",
        };

        var log = new CollectingLog();
        var outcome = await new SuiteRunner(ProcessRunner.Instance, log).RunAsync(suite, results.Path, "test", CancellationToken.None);

        var rows = await MigrationsCsv.ReadAsync(Path.Combine(outcome.RunDirectory, RunFiles.Migrations));
        Assert.Equal(12, rows.Count);
        Assert.All(rows, row =>
        {
            Assert.True(row.Succeeded, row.FailureReason);
            Assert.Equal(0, row.CounterGap);
        });
        Assert.Equal(["src->dst", "dst->src"], rows.Take(2).Select(r => r.Direction));
        // Parameters travel from the spec through the migration into the row: the memory workload's, and none for the counter.
        Assert.All(rows.Where(row => row.Workload == "memory-16m-d4"), row => Assert.Equal("mib=16;dirty_mib_per_s=4;data=random", row.Parameters));
        Assert.All(rows.Where(row => row.Workload == "counter"), row => Assert.Equal("", row.Parameters));
        Assert.Contains(",memory-16m-d4,mib=16;dirty_mib_per_s=4;data=random,process,tar,", await File.ReadAllTextAsync(Path.Combine(outcome.RunDirectory, RunFiles.Migrations)));
        foreach (var file in new[] { RunFiles.SummaryCsv, RunFiles.SummaryMarkdown, RunFiles.Environment, RunFiles.ReportHtml, "charts/report_stop_time_counter.svg", "charts/report_stop_time_counter.png", "charts/report_transfer_time_counter.svg" })
            Assert.True(new FileInfo(Path.Combine(outcome.RunDirectory, file)).Length > 0, $"{file} is missing or empty");
        Assert.True(CriuBench.Hosts.Lab.Lab.Status("trun").IsAbsent);
        // Each of the 6 cells' whole output, streamed at its end, counts on without a break.
        Assert.Equal(6, log.Infos.Count(line => line.Contains("whole output") && line.Contains(", continuous")));
        Assert.Empty(log.Warnings); // the warm-up migration too succeeded
        // The warm-up migration before the first cell is on the trace and in no row.
        var trace = await File.ReadAllTextAsync(Path.Combine(outcome.RunDirectory, RunFiles.Trace));
        Assert.Contains($"\"{HarnessWarmUp.Instance}-r001\"", trace);
        AssertTraceHoldsEveryRow(trace, rows);
        Assert.DoesNotContain(rows, row => row.RunId == HarnessWarmUp.Instance);
        Assert.Equal(outcome.RunDirectory, Path.GetFullPath(Path.Combine(results.Path, new FileInfo(Path.Combine(results.Path, "latest")).LinkTarget!)));
    }

    /// <summary>The run's trace.json is a valid trace-event file (nesting too), one track per role, and each row one slice on the controller saying what it was.</summary>
    private static void AssertTraceHoldsEveryRow(string trace, IReadOnlyList<CriuBench.Measurements.MigrationRecord> rows)
    {
        var root = System.Text.Json.JsonDocument.Parse(trace).RootElement;
        var problems = TraceEventFormat.Problems(root);
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20)));
        var events = root.GetProperty("traceEvents").EnumerateArray().ToList();
        var processes = events.Where(e => e.GetProperty("name").GetString() == "process_name").Select(e => e.GetProperty("args").GetProperty("name").GetString()).ToList();
        Assert.Equal(["controller", "src", "dst", "link"], processes);
        Assert.DoesNotContain(events, e => e.GetProperty("name").GetString() == "spawn");
        var migrations = events.Where(e => e.TryGetProperty("cat", out var cat) && cat.GetString() == "migration").ToDictionary(e => e.GetProperty("name").GetString()!);
        foreach (var row in rows)
        {
            var args = migrations[TraceMigrations.MigrationId(row)].GetProperty("args");
            Assert.Equal((row.Workload, row.Strategy, row.Mode, row.LinkRate), (args.GetProperty("workload").GetString(), args.GetProperty("strategy").GetString(),
                args.GetProperty("mode").GetString(), args.GetProperty("rate").GetString()));
            Assert.Equal(row.StopTimeMs, args.GetProperty("stop_time_ms").GetDouble());
        }
        Assert.Contains(events, e => e.GetProperty("ph").GetString() == "C" && e.GetProperty("args").GetProperty("bytes").GetInt64() > 0);
    }
}
