using CriuBench.Migration;
using CriuBench.Migration.PreCopy;
using CriuBench.Preflight;
using CriuBench.Running;
using CriuBench.Suites;
using CriuBench.Tests.Support;
using CriuBench.Transfer;
using CriuBench.Vocabulary;
using CriuBench.Workloads;
using CriuBench.Migration.Modes;
using CriuBench.Workloads.Catalog;

namespace CriuBench.Tests.Running;

/// <summary>
/// The plan: names resolved once when the suite loads, each mode and engine made once for the run,
/// and refusals that ask what a strategy, engine or mode can do rather than what it is called.
/// </summary>
[Trait("Category", "Unit")]
public class RunPlanTests
{
    private static HostFeatures Host(string name) =>
        HostFeatures.Unknown(name, "lab-netns") with { CriuWorks = true, Uffd = true, SoftDirty = true, PipeMaxSize = 1048576, Docker = true, RuncVersion = "1.1.12", PodmanVersion = "4.3.1" };

    private static readonly HostFeatures[] Hosts = [Host("src"), Host("dst")];

    [Theory]
    [InlineData("workloads: [counter]\nstrategies: [ftp]", "unknown strategy 'ftp': choose from tar, shared, sshfs, nfs, tar-ssh, tar-zstd, rsync, page-server")]
    [InlineData("workloads: [counter]\nmodes: [warp]", "unknown mode 'warp': choose from cold, precopy, hybrid, files-precopy, postcopy")]
    [InlineData("workloads:\n  - {name: mine, engine: lxc, command: [sh], output: counter}", "unknown engine 'lxc': choose from process, runc, docker, podman")]
    public void An_unknown_name_is_refused_when_the_suite_loads_at_its_line_with_the_names_there_are(string yaml, string expected)
    {
        var refused = Assert.Throws<SuiteException>(() => SuiteLoader.Parse(yaml, "s.yaml"));
        Assert.Contains(expected, refused.Message);
        Assert.StartsWith("s.yaml:", refused.Message);
    }

    [Fact]
    public void A_loaded_suite_holds_the_registrys_own_kinds_so_nothing_resolves_them_again()
    {
        var suite = SuiteLoader.Parse("workloads: [counter, runc-counter]\nstrategies: [rsync]\nmodes: [cold, postcopy]");
        Assert.Same(TransferStrategies.Resolve("rsync"), Assert.Single(suite.Strategies));
        Assert.Equal([MigrationModes.Resolve("cold"), MigrationModes.Resolve("postcopy")], suite.Modes);
        Assert.Equal([WorkloadEngines.Process, WorkloadEngines.Runc], suite.Workloads.Select(w => w.Engine));
    }

    [Fact]
    public void Each_mode_and_engine_is_made_once_for_the_whole_plan_and_no_strategy_is_made_to_ask_what_it_can_do()
    {
        var (modesMade, enginesMade, strategiesMade) = (0, 0, 0);
        var mode = new ModeKind(new ModeNeeds("counted-cold"), _ => { modesMade++; return new ColdMode(); });
        var engine = new EngineKind(new EngineCapabilities("counted-process") { Checkpointer = "criu dump" }, () => { enginesMade++; return new ProcessEngine(); });
        StrategyKind Strategy(string name) => new(new StrategyCapabilities(name), _ => { strategiesMade++; return new TarTransfer(); });
        var suite = new Suite
        {
            Workloads = [BuiltinWorkloads.ShellCounter() with { Engine = engine }, BuiltinWorkloads.TimestampPrinter() with { Engine = engine }],
            Strategies = [Strategy("one"), Strategy("two")],
            Modes = [mode],
            LinkRates = [LinkRate.Parse("100mbit"), LinkRate.Parse("1gbit")],
        };

        var plan = RunPlan.Build(suite, Hosts, canShapeLink: true);

        Assert.Equal(2 * 2 * 2, plan.Cells.Count);
        Assert.Equal((1, 1, 0), (modesMade, enginesMade, strategiesMade));
        Assert.Single(plan.Cells.Select(cell => cell.Mode).Distinct());
        Assert.Single(plan.Cells.Select(cell => cell.Engine).Distinct());
        Assert.Equal(["one", "two"], plan.Cells.Select(cell => cell.Strategy.Name).Distinct());
    }

    private static RunPlan Plan(StrategyKind strategy, string mode, EngineKind? engine = null, IReadOnlyList<HostFeatures>? hosts = null) => RunPlan.Build(new Suite
    {
        Workloads = [BuiltinWorkloads.ShellCounter() with { Engine = engine ?? WorkloadEngines.Process }],
        Strategies = [strategy],
        Modes = Resolved.Modes(mode),
    }, hosts ?? Hosts, canShapeLink: false);

    private static StrategyKind Strategy(StrategyCapabilities can) => new(can, _ => throw new InvalidOperationException("planning makes no strategy"));

    [Fact]
    public void Files_precopy_takes_any_strategy_that_sends_deltas_whatever_its_name()
    {
        Assert.Single(Plan(Strategy(new("my-delta") { DeltaTransfers = true }), ModeNames.FilesPreCopy).Cells);
        var refused = Assert.Single(Plan(Strategy(new("rsync")), ModeNames.FilesPreCopy).Refused);
        Assert.Equal("files-precopy sends the final dump as rsync deltas against the first pass's copy: use the rsync strategy (not rsync)", refused.Reason);
    }

    [Fact]
    public void A_strategy_that_cannot_move_rounds_is_refused_by_pre_copy_and_hybrid_with_its_name()
    {
        foreach (var mode in new[] { ModeNames.PreCopy, ModeNames.Hybrid })
        {
            var refused = Assert.Single(Plan(Strategy(new("no-rounds")), mode).Refused);
            Assert.Equal("the no-rounds strategy cannot move pre-copy rounds while the workload runs", refused.Reason);
        }
    }

    [Fact]
    public void A_strategy_that_sends_pages_during_the_dump_is_refused_by_post_copy_and_by_docker()
    {
        var streaming = Strategy(new("my-page-stream") { MovesPreCopyRounds = true, SendsPagesDuringDump = true });
        Assert.Contains("the my-page-stream strategy sends them during the dump", Assert.Single(Plan(streaming, ModeNames.PostCopy).Refused).Reason);
        Assert.Equal("docker checkpoint cannot send pages to a page server (it takes no CRIU options): use tar, rsync or shared",
            Assert.Single(Plan(streaming, ModeNames.Cold, WorkloadEngines.Docker).Refused).Reason);
    }

    [Fact]
    public void An_engine_that_passes_no_lazy_pages_or_pre_dump_is_refused_by_the_modes_that_need_them()
    {
        var plain = new EngineKind(new EngineCapabilities("plain") { Checkpointer = "plain checkpoint" }, () => new ProcessEngine());
        var tar = TransferStrategies.Resolve("tar");
        Assert.Equal("post-copy drives criu dump --lazy-pages and criu restore --lazy-pages, which the plain engine does not pass on: use process or runc",
            Assert.Single(Plan(tar, ModeNames.PostCopy, plain).Refused).Reason);
        Assert.Equal("the plain engine cannot pre-dump (write pre-copy rounds while the workload runs): use process or runc",
            Assert.Single(Plan(tar, ModeNames.PreCopy, plain).Refused).Reason);
        Assert.Single(Plan(tar, ModeNames.Cold, plain).Cells);
    }

    [Fact]
    public void Docker_refuses_every_mode_that_needs_a_CRIU_option_in_its_own_words()
    {
        foreach (var mode in new[] { ModeNames.PreCopy, ModeNames.Hybrid, ModeNames.FilesPreCopy, ModeNames.PostCopy })
        {
            var strategy = TransferStrategies.Resolve(mode == ModeNames.FilesPreCopy ? "rsync" : "tar");
            Assert.Equal($"docker checkpoint takes no CRIU options, so it can only migrate cold (not {mode}): use the runc or process engine",
                Assert.Single(Plan(strategy, mode, WorkloadEngines.Docker).Refused).Reason);
        }
    }

    [Fact]
    public void Podman_migrates_cold_with_every_strategy_that_moves_its_archive_pre_copies_where_pages_are_tracked_and_says_why_it_cannot_do_the_rest()
    {
        var podman = WorkloadEngines.Podman;
        foreach (var name in new[] { "tar", "tar-ssh", "tar-zstd", "rsync" })
            Assert.Single(Plan(TransferStrategies.Resolve(name), ModeNames.Cold, podman).Cells);
        Assert.Equal("Podman has no page server: `podman container checkpoint --export` writes the images into one archive, which the strategy moves; use tar, tar-ssh, rsync, sshfs or nfs",
            Assert.Single(Plan(TransferStrategies.Resolve("page-server"), ModeNames.Cold, podman).Refused).Reason);
        Assert.Equal("post-copy drives criu dump --lazy-pages and criu restore --lazy-pages, which the podman engine does not pass on: use process or runc",
            Assert.Single(Plan(TransferStrategies.Resolve("tar"), ModeNames.PostCopy, podman).Refused).Reason);
        // Pre-copy's one round (--pre-checkpoint, then --with-previous) where the hosts track dirty pages; hybrid's lazy end is refused.
        Assert.Single(Plan(TransferStrategies.Resolve("tar"), ModeNames.PreCopy, podman).Cells);
        Assert.Equal("post-copy drives criu dump --lazy-pages and criu restore --lazy-pages, which the podman engine does not pass on: use process or runc",
            Assert.Single(Plan(TransferStrategies.Resolve("tar"), ModeNames.Hybrid, podman).Refused).Reason);
        var noSoftDirty = Plan(TransferStrategies.Resolve("tar"), ModeNames.PreCopy, podman, [Host("src") with { SoftDirty = false }, Host("dst")]);
        Assert.StartsWith(PreCopySupport.NoSoftDirty, Assert.Single(noSoftDirty.Refused).Reason);
        Assert.StartsWith("files-precopy copies a first dump while the workload runs",
            Assert.Single(Plan(TransferStrategies.Resolve("rsync"), ModeNames.FilesPreCopy, podman).Refused).Reason);
        var withoutPodman = Plan(TransferStrategies.Resolve("tar"), ModeNames.Cold, podman, [Host("src"), Host("dst") with { PodmanVersion = null }]);
        Assert.StartsWith("podman is missing on dst: install podman (with runc) there", Assert.Single(withoutPodman.Refused).Reason);
    }

    [Fact]
    public async Task What_each_strategy_says_it_can_do_with_rounds_is_what_its_instance_does()
    {
        foreach (var name in TransferStrategies.Names)
        {
            var kind = TransferStrategies.Resolve(name);
            await using var strategy = kind.Create();
            Assert.Equal(kind.Capabilities.MovesPreCopyRounds, strategy.PreCopyRounds is not null);
            Assert.Equal(name, strategy.Name);
        }
    }
}
