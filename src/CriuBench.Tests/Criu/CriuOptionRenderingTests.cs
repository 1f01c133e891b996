using CriuBench.Criu;
using CriuBench.Tests.Support;
using CriuBench.Workloads;
using CriuBench.Workloads.Containers;
using CriuBench.Workloads.Catalog;

namespace CriuBench.Tests.Criu;

/// <summary>The same CRIU options, rendered by each engine its own way: criu's flags, runc checkpoint's flags, none for docker.</summary>
[Trait("Category", "Unit")]
public class CriuOptionRenderingTests
{
    /// <summary>What a pre-copy final dump to a page server asks for, with a workload that keeps its TCP connections.</summary>
    private static readonly IReadOnlyList<CriuOption> ChainedToPageServer =
        [.. CriuCommands.ToPageServer("198.18.0.2", 27027), .. CriuCommands.Chained("../m.it1")];

    private static readonly WorkloadSpec KeepsConnections = BuiltinWorkloads.ShellCounter() with { ExtraDumpArguments = ["--tcp-established"] };

    private static (FakeHost Host, FakeCommandRunner Runner) Source()
    {
        var runner = new FakeCommandRunner();
        return (new FakeHost("src", "198.18.0.1", runner), runner);
    }

    [Fact]
    public async Task The_process_engine_passes_the_workloads_arguments_then_the_options_as_criu_spells_them()
    {
        var (host, runner) = Source();
        await new ProcessEngine().CheckpointAsync(new RunningWorkload(KeepsConnections, "w1", host, "4242"), "/d/images/m1", ChainedToPageServer, default);

        var dump = Assert.Single(runner.Commands);
        Assert.Equal("criu", dump.Program);
        Assert.Equal(["dump", "--tree", "4242", "--images-dir", "/d/images/m1", "--log-file", "dump.log", "--tcp-established",
            "--page-server", "--address", "198.18.0.2", "--port", "27027", "--track-mem", "--prev-images-dir", "../m.it1"], dump.Arguments);
    }

    [Fact]
    public async Task The_runc_engine_spells_the_page_server_and_the_parent_its_own_way_and_leaves_memory_tracking_to_runc()
    {
        var (host, runner) = Source();
        var workload = new RunningWorkload(KeepsConnections with { Engine = WorkloadEngines.Runc }, "w1", host, "c1");
        await new RuncEngine().CheckpointAsync(workload, "/d/images/m1", ChainedToPageServer, default);

        var checkpoint = Assert.Single(runner.Commands);
        Assert.Equal("runc", checkpoint.Program);
        Assert.Equal(["--root", RuncCommands.StateRoot, "checkpoint", "--image-path", "/d/images/m1", "--work-path", "/d/images/m1",
            "--tcp-established", "--parent-path", "../m.it1", "--page-server", "198.18.0.2:27027", "c1"], checkpoint.Arguments);
    }

    [Fact]
    public async Task The_runc_engine_gives_criu_the_lazy_dumps_work_directory_as_its_work_path_and_drops_the_log_level_it_sets_itself()
    {
        var (host, runner) = Source();
        var workload = new RunningWorkload(BuiltinWorkloads.ContainerCounter(WorkloadEngines.Runc), "w1", host, "c1");
        await new RuncEngine().CheckpointAsync(workload, "/d/images/m1", LazyPagesCommands.DumpArguments("198.18.0.1", 27028, "/d/criu-work/m1"), default);

        Assert.Equal(["--root", RuncCommands.StateRoot, "checkpoint", "--image-path", "/d/images/m1", "--work-path", "/d/criu-work/m1",
            "--lazy-pages", "--page-server", "198.18.0.1:27028", "c1"], Assert.Single(runner.Commands).Arguments);
    }

    [Fact]
    public async Task The_docker_engine_refuses_any_option_before_it_runs_a_command()
    {
        var (host, runner) = Source();
        var workload = new RunningWorkload(BuiltinWorkloads.ContainerCounter(WorkloadEngines.Docker), "w1", host, "c1");

        var refused = await Assert.ThrowsAsync<NotSupportedException>(() =>
            new DockerEngine().CheckpointAsync(workload, "/d/images/m1", CriuCommands.ToPageServer("198.18.0.2", 27027), default));

        Assert.Contains("--page-server --address 198.18.0.2 --port 27027", refused.Message);
        Assert.Empty(runner.Commands);
    }

    [Fact]
    public async Task The_process_engine_restores_lazily_with_the_work_directory_it_shares_with_the_daemon()
    {
        var (host, runner) = Source();
        var checkpointed = new RunningWorkload(BuiltinWorkloads.ShellCounter(), "w1", host, "4242");
        await new ProcessEngine().ResumeAsync(host, checkpointed, "/d/images/m1", LazyPagesCommands.RestoreArguments("/d/criu-work/m1"), default);

        var restore = Assert.Single(runner.Commands);
        Assert.Equal(["--lazy-pages", "--work-dir", "/d/criu-work/m1"], restore.Arguments.TakeLast(3));
    }

    [Fact]
    public void The_log_directory_comes_from_the_work_directory_option_not_from_reading_flags_back()
    {
        Assert.Equal("/d/criu-work/m1", CriuOptions.LogDirectory("/d/images/m1", LazyPagesCommands.DumpArguments("198.18.0.1", 27028, "/d/criu-work/m1")));
        Assert.Equal("/d/images/m1", CriuOptions.LogDirectory("/d/images/m1", [new CriuOption.UserArgument("--work-dir")]));
    }
}
