using System.Globalization;
using System.Text;
using CriuBench.Criu;
using CriuBench.Execution;
using CriuBench.Hosts;
using CriuBench.Logging;
using CriuBench.Migration;
using CriuBench.Migration.PreCopy;
using CriuBench.Tests.Support;
using CriuBench.Timeline;
using CriuBench.Transfer;
using CriuBench.Workloads;
using CriuBench.Migration.Modes;
using CriuBench.Workloads.Catalog;

namespace CriuBench.Tests.Migration;

/// <summary>
/// The modes as compositions of the attempt's phases, on fake hosts whose workload output is a
/// counter in memory: which phases run, in which order, where, and what each way out says.
/// </summary>
[Trait("Category", "Unit")]
public sealed class PhaseCompositionTests
{
    private readonly CounterOutput sourceOutput = new(running: true);
    private readonly CounterOutput destinationOutput = new(running: false);
    private readonly FakeHost source;
    private readonly FakeHost destination;
    private readonly RunningWorkload workload;
    private readonly MigrationTimeline timeline = new(new RunClock());

    public PhaseCompositionTests()
    {
        source = new FakeHost("src", "198.18.0.1", new FakeCommandRunner { Answer = sourceOutput.Answer });
        destination = new FakeHost("dst", "198.18.0.2", new FakeCommandRunner { Answer = destinationOutput.Answer });
        workload = new RunningWorkload(BuiltinWorkloads.ShellCounter(TimeSpan.FromMilliseconds(10)), "w1", source, "1");
        sourceOutput.Write(10);
    }

    [Fact]
    public async Task A_cold_migration_runs_each_phase_once_in_order_and_records_where_it_ran()
    {
        var strategy = new FakeStrategy();

        var result = await MigrateAsync(new ColdMode(), new FakeEngine(sourceOutput, destinationOutput), strategy);

        Assert.True(result.Record.Succeeded, result.Record.FailureReason);
        Assert.Equal("dst", result.Record.WorkloadRunsOn);
        Assert.Equal(0, result.Record.CounterGap);
        List<(string, string?)> expected =
        [
            ("prepare", null), ("prepare-restore", "dst"), ("settle", null), ("checkpoint", "src"), ("transfer", "src"), ("restore", "dst"),
            ("locate", "dst"), ("verify", "dst"), ("inventory", "dst"), ("statistics", "dst"), ("cleanup", null),
        ];
        Assert.Equal(expected, Phases());
        Assert.NotNull(result.Record.RestoreTimeMs);
        Assert.True(result.Record.StopTimeMs >= result.Record.CheckpointTimeMs, "the stop window holds the checkpoint");
        Assert.Equal(4096, result.Record.TransferredBytes);
        Assert.Equal(4138, result.Record.ImageBytes);
        Assert.Equal(1, strategy.Disposed);
    }

    [Fact]
    public async Task A_failed_transfer_restores_the_workload_on_the_source_from_the_images_it_made()
    {
        var strategy = new FakeStrategy { TransferFails = true };

        var result = await MigrateAsync(new ColdMode(), new FakeEngine(sourceOutput, destinationOutput), strategy);

        Assert.False(result.Record.Succeeded);
        Assert.Equal("transfer failed: the link went down; the workload was restored on src", result.Record.FailureReason);
        Assert.Equal("src", result.Record.WorkloadRunsOn);
        Assert.Equal(source, result.Workload!.Host);
        Assert.DoesNotContain(Phases(), phase => phase.Name == "restore");
        Assert.Contains(("fallback-restore", "src"), Phases());
        Assert.Equal(1, strategy.Disposed);
    }

    [Fact]
    public async Task A_transfer_that_cannot_be_prepared_leaves_the_workload_running_and_nothing_checkpointed()
    {
        var engine = new FakeEngine(sourceOutput, destinationOutput);

        var result = await MigrateAsync(new ColdMode(), engine, new FakeStrategy { PrepareFails = true });

        Assert.Equal("preparing the fake transfer failed: no space left; the workload kept running on src", result.Record.FailureReason);
        Assert.Equal("src", result.Record.WorkloadRunsOn);
        Assert.Same(workload, result.Workload);
        Assert.Equal(0, engine.Checkpoints);
    }

    [Fact]
    public async Task What_escapes_the_phases_after_the_restore_is_answered_with_where_the_restored_copy_runs()
    {
        // Counting after the restore is no phase's to catch: the driver's unexpected-failure path must still know the restored copy.
        var result = await MigrateAsync(new ColdMode(), new FakeEngine(sourceOutput, destinationOutput), new FakeStrategy { CountFails = true });

        Assert.False(result.Record.Succeeded);
        Assert.Equal("cold migration failed unexpectedly: the counter broke; the workload runs on dst", result.Record.FailureReason);
        Assert.Equal(destination, result.Workload!.Host);
    }

    [Fact]
    public async Task A_failed_pre_copy_round_removes_the_rounds_and_leaves_the_workload_running()
    {
        var engine = new FakeEngine(sourceOutput, destinationOutput) { PreDumpFails = true };
        var strategy = new FakeStrategy();

        var result = await MigrateAsync(new PreCopyMode(new FixedRoundsStopRule(3)), engine, strategy);

        Assert.Equal("pre-copy round 1 failed: no soft-dirty here; the workload kept running on src", result.Record.FailureReason);
        Assert.Equal(1, result.Record.Iterations);
        Assert.Equal(1, strategy.Disposed);
        Assert.Equal(0, engine.Checkpoints);
    }

    private async Task<MigrationResult> MigrateAsync(IMigrationMode mode, IWorkloadEngine engine, ITransferStrategy strategy)
    {
        var request = new MigrationRequest("run", 1, workload, destination, engine, strategy, "1gbit") { Mode = mode };
        return await new MigrationDriver(NullLog.Instance, timeline: timeline).RunAsync(request, CancellationToken.None);
    }

    /// <summary>The phases' steps in order, each with the host the trace says it ran on ("stopped" is the stop window, placed afterwards).</summary>
    private List<(string Name, string? Host)> Phases() =>
        [.. timeline.Spans.Where(span => span.Track == Tracks.Phases && span.Name != "stopped").Select(span => (span.Name, span.Host))];

    /// <summary>A counter's output.log on one host: one more line at each look while it runs, as `stat` and `dd` read it.</summary>
    private sealed class CounterOutput(bool running)
    {
        private readonly StringBuilder text = new();
        private int next;

        public bool Running { get; set; } = running;

        public void Write(int lines)
        {
            for (var i = 0; i < lines; i++) text.Append(CultureInfo.InvariantCulture, $"{next++}\n");
        }

        public void ContinueFrom(CounterOutput other)
        {
            text.Clear().Append(other.text);
            next = other.next;
            Running = true;
        }

        public (int, string, string) Answer(Command command)
        {
            lock (text)
            {
                switch (command.Program)
                {
                    case "stat" when command.Arguments[^1].EndsWith("/output.log", StringComparison.Ordinal):
                        if (Running) Write(1);
                        return (0, text.Length.ToString(CultureInfo.InvariantCulture), "");
                    case "dd" when command.Arguments[0].EndsWith("/output.log", StringComparison.Ordinal):
                        var skip = int.Parse(Argument(command, "skip="), CultureInfo.InvariantCulture);
                        var count = int.Parse(Argument(command, "count="), CultureInfo.InvariantCulture);
                        return (0, text.ToString(skip, Math.Min(count, text.Length - skip)), "");
                    case "find":
                        return (0, "inventory.img\t42\npages-1.img\t4096\n", "");
                    case "cat":
                        return (1, "", "No such file or directory");
                    default:
                        return (0, "", "");
                }
            }
        }

        private static string Argument(Command command, string prefix) =>
            command.Arguments.Single(argument => argument.StartsWith(prefix, StringComparison.Ordinal))[prefix.Length..];
    }

    /// <summary>Checkpoints stop the source's counter; a restore continues it on the host it restores to.</summary>
    private sealed class FakeEngine(CounterOutput source, CounterOutput destination) : IWorkloadEngine
    {
        public string Name => "fake";
        public int Checkpoints { get; private set; }
        public bool PreDumpFails { get; init; }

        public Task<RunningWorkload> StartAsync(IHost host, WorkloadSpec spec, string instance, CancellationToken ct) => throw new InvalidOperationException("not started here");

        public Task CheckpointAsync(RunningWorkload workload, string imagesDirectory, IReadOnlyList<CriuOption> extraArguments, CancellationToken ct)
        {
            Checkpoints++;
            source.Running = false;
            return Task.CompletedTask;
        }

        public Task PreDumpAsync(RunningWorkload workload, string imagesDirectory, string? previousImages, IReadOnlyList<CriuOption> extraArguments, CancellationToken ct) =>
            PreDumpFails ? throw new InvalidOperationException("no soft-dirty here") : Task.CompletedTask;

        public Task<RunningWorkload> RestoreAsync(IHost host, RunningWorkload checkpointed, string imagesDirectory, CancellationToken ct)
        {
            if (host.Name == "dst") destination.ContinueFrom(source);
            else source.Running = true;
            return Task.FromResult(checkpointed with { Host = host, Id = $"restored-on-{host.Name}" });
        }

        public Task StopAsync(RunningWorkload workload, CancellationToken ct)
        {
            (workload.Host.Name == "dst" ? destination : source).Running = false;
            return Task.CompletedTask;
        }
    }

    private sealed class FakeStrategy : IPreCopyTransfer
    {
        public string Name => "fake";
        public bool PrepareFails { get; init; }
        public bool TransferFails { get; init; }
        public bool CountFails { get; init; }
        public int Disposed { get; private set; }

        public Task<IMigrationTransfer> PrepareAsync(TransferRequest request, CancellationToken ct) =>
            PrepareFails ? throw new InvalidOperationException("no space left") : Task.FromResult<IMigrationTransfer>(new Session(this, request.MigrationId));

        public Task<IMigrationTransfer> PrepareRoundAsync(TransferRequest request, CancellationToken ct) => PrepareAsync(request, ct);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;

        private sealed class Session(FakeStrategy strategy, string id) : IMigrationTransfer
        {
            public string DumpDirectory => $"/d/{id}";
            public string RestoreDirectory => $"/r/{id}";

            public Task<TransferOutcome> TransferAsync(CancellationToken ct) =>
                strategy.TransferFails
                    ? throw new IOException("the link went down")
                    : Task.FromResult(new TransferOutcome(TimeSpan.FromMilliseconds(3), 4096, []));

            public Task<TransferOutcome> CountAfterRestoreAsync(TransferOutcome moved, CancellationToken ct) =>
                strategy.CountFails ? throw new InvalidOperationException("the counter broke") : Task.FromResult(moved);

            public ValueTask DisposeAsync()
            {
                strategy.Disposed++;
                return ValueTask.CompletedTask;
            }
        }
    }
}
