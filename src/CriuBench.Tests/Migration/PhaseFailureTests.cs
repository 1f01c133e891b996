using CriuBench.Criu;
using CriuBench.Hosts;
using CriuBench.Logging;
using CriuBench.Migration;
using CriuBench.Tests.Support;
using CriuBench.Transfer;
using CriuBench.Workloads;
using CriuBench.Workloads.Catalog;

namespace CriuBench.Tests.Migration;

/// <summary>A failure inside one migration is that migration's row, never the end of the whole run.</summary>
[Trait("Category", "Unit")]
public class PhaseFailureTests
{
    private readonly FakeHost source = new("src", "198.18.0.1", new FakeCommandRunner { Answer = OutputGrowing() });
    private readonly FakeHost destination = new("dst", "198.18.0.2", new FakeCommandRunner());

    /// <summary>A source whose workload output grows at every look: the workload runs there.</summary>
    private static Func<CriuBench.Execution.Command, (int, string, string)> OutputGrowing()
    {
        var size = 100;
        return command => command.Program == "stat" ? (0, (size += 10).ToString(), "") : (0, "", "");
    }

    [Fact]
    public async Task A_workload_whose_output_stopped_after_a_failed_checkpoint_is_not_reported_running()
    {
        var stalled = new FakeHost("src", "198.18.0.1", new FakeCommandRunner
        {
            Answer = c => c.Program switch
            {
                "stat" => (0, "100", ""),
                "find" => (0, "inventory.img\t42\npages-1.img\t4096\ndump.log\t900\n", ""), // what CRIU left in the images directory
                _ => (1, "", "no"),
            },
        });
        var workload = new RunningWorkload(BuiltinWorkloads.ContainerCounter(WorkloadEngines.Docker), "w1", stalled, "c1");
        var request = new MigrationRequest("run", 1, workload, destination, new RefusingEngine(), new PageServerLikeStrategy(), "1gbit");

        var result = await new MigrationDriver(NullLog.Instance).RunAsync(request, CancellationToken.None);

        Assert.False(result.Record.Succeeded);
        Assert.Equal("nowhere (lost)", result.Record.WorkloadRunsOn);
        Assert.Contains("images are kept in /d/images on src (2 image files)", result.Record.FailureReason);
        Assert.Null(result.Workload);
    }

    [Fact]
    public async Task An_engine_that_refuses_a_dump_option_fails_the_row_and_the_workload_keeps_running_where_it_was()
    {
        var workload = new RunningWorkload(BuiltinWorkloads.ContainerCounter(WorkloadEngines.Docker), "w1", source, "c1");
        var request = new MigrationRequest("run", 1, workload, destination, new RefusingEngine(), new PageServerLikeStrategy(), "1gbit");

        var result = await new MigrationDriver(NullLog.Instance).RunAsync(request, CancellationToken.None);

        Assert.False(result.Record.Succeeded);
        Assert.Equal("src", result.Record.WorkloadRunsOn);
        Assert.Contains("checkpoint failed", result.Record.FailureReason);
        Assert.Contains("takes no dump options", result.Record.FailureReason);
        Assert.Same(workload, result.Workload);
    }

    private sealed class RefusingEngine : IWorkloadEngine
    {
        public string Name => "refusing";
        public Task<RunningWorkload> StartAsync(IHost host, WorkloadSpec spec, string instance, CancellationToken ct) => throw new InvalidOperationException("not started here");
        public Task CheckpointAsync(RunningWorkload workload, string imagesDirectory, IReadOnlyList<CriuOption> options, CancellationToken ct) =>
            throw new NotSupportedException("this engine takes no dump options: " + CriuOptions.Describe(options));
        public Task<RunningWorkload> RestoreAsync(IHost host, RunningWorkload checkpointed, string imagesDirectory, CancellationToken ct) => throw new InvalidOperationException("no restore expected");
        public Task StopAsync(RunningWorkload workload, CancellationToken ct) => Task.CompletedTask;
    }

    private sealed class PageServerLikeStrategy : ITransferStrategy
    {
        public string Name => "page-server-like";
        public Task<IMigrationTransfer> PrepareAsync(TransferRequest request, CancellationToken ct) => Task.FromResult<IMigrationTransfer>(new Session());
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;

        private sealed class Session : IMigrationTransfer
        {
            public string DumpDirectory => "/d/images";
            public string RestoreDirectory => "/d/images";
            public IReadOnlyList<CriuOption> DumpArguments => [new CriuOption.PageServer("198.18.0.2", 27027)];
            public Task<TransferOutcome> TransferAsync(CancellationToken ct) => throw new InvalidOperationException("no transfer expected");
            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }
}
