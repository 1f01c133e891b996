using System.Diagnostics;
using CriuBench.Hosts;
using CriuBench.Logging;
using CriuBench.Migration;
using CriuBench.Running;
using CriuBench.Tests.Support;
using CriuBench.Transfer;
using CriuBench.Workloads;
using CriuBench.Workloads.Catalog;

namespace CriuBench.Tests.Running;

public sealed class RunMistakeLab() : LabFixture("climis");

/// <summary>
/// Two mistakes a user makes in a suite, on a real lab: each must end with what to fix in the
/// words of the program that refused, not with what the harness failed to find afterwards.
/// </summary>
public class RunMistakeTests(RunMistakeLab fixture) : IClassFixture<RunMistakeLab>
{
    [Fact(Timeout = 120_000)]
    public async Task A_criu_option_criu_rejects_fails_the_row_with_criu_s_own_complaint_and_the_workload_runs_on()
    {
        var lab = fixture.Lab;
        var spec = BuiltinWorkloads.ShellCounter() with { Name = "badflag", ExtraDumpArguments = ["--no-such-flag"] };
        var engine = new ProcessEngine();
        await using var strategy = TransferStrategies.Create("tar");
        await strategy.SetUpAsync(lab.Hosts, CancellationToken.None);
        var running = await engine.StartAsync(lab.Source, spec, "climis-badflag", CancellationToken.None);
        try
        {
            await SuiteRunner.WaitForFirstLinesAsync(running, CancellationToken.None);
            var request = new MigrationRequest("test", 1, running, lab.Destination, engine, strategy, "1gbit");

            var result = await new MigrationDriver(NullLog.Instance).RunAsync(request, CancellationToken.None);

            Assert.False(result.Record.Succeeded);
            Assert.Contains("unrecognized option '--no-such-flag'", result.Record.FailureReason);
            Assert.DoesNotContain("no dump.log", result.Record.FailureReason);
            Assert.Equal("src", result.Record.WorkloadRunsOn);
        }
        finally
        {
            await engine.StopAsync(running, CancellationToken.None);
            await lab.Source.RemoveAsync(running.Directory);
        }
    }

    /// <summary>Whether launch.sh still sees it running (then the wait for its first lines finds the code) or not, the message is the same.</summary>
    [Theory(Timeout = 60_000)]
    [InlineData("0")]
    [InlineData("0.3")]
    public async Task A_program_that_exits_at_once_is_reported_with_its_exit_code_and_last_stderr_line_within_seconds(string delay)
    {
        var lab = fixture.Lab;
        var spec = BuiltinWorkloads.ShellCounter() with
        {
            Name = "quitter",
            Command = ["sh", "-c", $"sleep {delay}; echo 'reading the config' >&2; echo 'quitter: /etc/quitter.conf: no such file' >&2; exit 3"],
        };
        var engine = new ProcessEngine();
        var instance = $"climis-quit-{delay.Replace('.', '_')}";
        var clock = Stopwatch.StartNew();
        RunningWorkload? running = null;
        try
        {
            var failure = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            {
                running = await engine.StartAsync(lab.Source, spec, instance, CancellationToken.None);
                await SuiteRunner.WaitForFirstLinesAsync(running, CancellationToken.None);
            });

            Assert.Contains("exited with code 3", failure.Message);
            Assert.Contains("quitter: /etc/quitter.conf: no such file", failure.Message);
            Assert.DoesNotContain("printed nothing within", failure.Message);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}: the 10 s wait for a slow starter was not cut short");
        }
        finally
        {
            if (running is not null) await engine.StopAsync(running, CancellationToken.None);
            await lab.Source.RemoveAsync(HostPaths.WorkloadDirectory(instance));
        }
    }
}
