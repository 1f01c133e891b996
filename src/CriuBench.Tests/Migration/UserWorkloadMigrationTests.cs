using CriuBench.Archive;
using CriuBench.Hosts;
using CriuBench.Logging;
using CriuBench.Migration;
using CriuBench.Suites;
using CriuBench.Tests.Support;
using CriuBench.Transfer;
using CriuBench.Workloads;
using CriuBench.Workloads.Output;

namespace CriuBench.Tests.Migration;

public sealed class UserWorkloadLab() : LabFixture("iuser");

/// <summary>
/// The shipped example of a user workload (workloads/suites/user-workload.yaml), unchanged, through
/// real migrations: its fractional-second timestamps are read, its own check holds on every line
/// and is reported, and its output and stderr are kept in the run directory.
/// </summary>
public class UserWorkloadMigrationTests(UserWorkloadLab fixture) : IClassFixture<UserWorkloadLab>
{
    [Fact(Timeout = 240_000)]
    public async Task The_example_user_workload_migrates_there_and_back_and_its_own_check_holds_on_every_line()
    {
        var lab = fixture.Lab;
        var spec = SuiteLoader.Load(Path.Combine(WorkloadAssets.Directory, "suites", "user-workload.yaml")).Workloads.Single();
        var engine = new ProcessEngine();
        await using var strategy = TransferStrategies.Create("tar");
        await strategy.SetUpAsync(lab.Hosts, CancellationToken.None);
        using var run = new TempDirectory();
        var running = await engine.StartAsync(lab.Source, spec, "integrity-tar", CancellationToken.None);
        try
        {
            await FirstOutputCheck.EnsureReadableAsync(running, CancellationToken.None);
            var seams = new List<OutputSeam>();
            foreach (var (repetition, destination) in new[] { (1, lab.Destination), (2, lab.Source) })
            {
                var request = new MigrationRequest("test", repetition, running, destination, engine, strategy, "1gbit");
                // The seam lies after this size (the workload prints until the dump stops it); the check only needs the segment.
                seams.Add(new OutputSeam(request.MigrationId, await running.Host.FileSizeAsync(running.OutputFile) ?? 0));
                var result = await new MigrationDriver(NullLog.Instance).RunAsync(request, CancellationToken.None);
                Assert.True(result.Record.Succeeded, result.Record.FailureReason);
                Assert.Equal(0, result.Record.CounterGap);
                Assert.True(result.Record.AppDowntimeMs is > 0 and < 60_000, $"downtime {result.Record.AppDowntimeMs} ms: the seconds were not read as seconds");
                running = result.Workload!;
                await Task.Delay(300);
            }

            var verdict = await WholeOutputCheck.AnalyzeAsync(running, seams, CancellationToken.None);
            Assert.True(verdict.Passed, verdict.Describe());
            Assert.Contains("own check (field 4 equals 'ok') held on all", verdict.Describe());
            Assert.Equal(0, verdict.Gaps.MalformedLines);

            var kept = await new WorkloadOutputArchive(run.Path).KeepAsync(running, CancellationToken.None);
            var output = Path.Combine(run.Path, "outputs", "integrity-tar", "output.log");
            Assert.Contains(output, kept);
            Assert.True(File.ReadLines(output).Count() >= verdict.Gaps.Lines);
            Assert.All(File.ReadLines(output), line => Assert.EndsWith(" ok", line));
        }
        finally
        {
            await engine.StopAsync(running, CancellationToken.None);
        }
    }
}
