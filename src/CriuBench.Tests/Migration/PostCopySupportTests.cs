using CriuBench.Hosts;
using CriuBench.Tests.Support;
using CriuBench.Preflight;
using CriuBench.Running;
using CriuBench.Suites;
using CriuBench.Workloads;
using CriuBench.Workloads.Catalog;

namespace CriuBench.Tests.Migration;

/// <summary>What post-copy refuses when the suite loads, and that each refusal says why.</summary>
[Trait("Category", "Unit")]
public class PostCopySupportTests
{
    private static HostFeatures Host(string name, bool uffd = true) =>
        HostFeatures.Unknown(name, "lab-netns") with { CriuWorks = true, Uffd = uffd, PipeMaxSize = 1048576, Docker = true, RuncVersion = "1.1.12" };

    private static RunPlan Plan(IReadOnlyList<HostFeatures> hosts, params string[] strategies) => RunPlan.Build(new Suite
    {
        Workloads = [BuiltinWorkloads.TimestampPrinter(), BuiltinWorkloads.ContainerCounter(WorkloadEngines.Runc), BuiltinWorkloads.ContainerCounter(WorkloadEngines.Docker)],
        Strategies = Resolved.Strategies(strategies),
        Modes = Resolved.Modes("cold", "postcopy"),
    }, hosts, canShapeLink: true);

    [Fact]
    public void Post_copy_runs_where_both_hosts_have_userfaultfd_with_the_process_and_runc_engines()
    {
        var plan = Plan([Host("src"), Host("dst")], "tar-ssh");
        Assert.Contains(plan.Cells, cell => cell is { Mode.Name: "postcopy", Engine.Name: "process" });
        Assert.Contains(plan.Cells, cell => cell is { Mode.Name: "postcopy", Engine.Name: "runc" });
        var docker = Assert.Single(plan.Refused, refused => refused.Mode == "postcopy");
        Assert.Equal("docker", docker.Engine);
        Assert.Contains("cold", docker.Reason);
    }

    [Fact]
    public void A_host_without_userfaultfd_refuses_post_copy_and_names_the_host()
    {
        var plan = Plan([Host("src"), Host("dst", uffd: false)], "tar");
        Assert.DoesNotContain(plan.Cells, cell => cell.Mode.Name == "postcopy");
        Assert.All(plan.Refused.Where(r => r.Engine != "docker"), refused => Assert.Contains("userfaultfd", refused.Reason));
        Assert.All(plan.Refused.Where(r => r.Engine != "docker"), refused => Assert.Contains("dst", refused.Reason));
        Assert.Contains(plan.Cells, cell => cell.Mode.Name == "cold");
    }

    [Fact]
    public void The_live_suite_runs_cold_and_post_copy_for_every_workload_where_the_kernel_lacks_soft_dirty()
    {
        var suite = SuiteLoader.Load(Path.Combine(WorkloadAssets.Directory, "suites", "live.yaml"));
        Assert.Equal(["cold", "postcopy", "precopy", "hybrid"], suite.Modes.Select(m => m.Name));
        Assert.Equal(["memory-256m", "memory-256m-d10", "memory-256m-d50", "memory-256m-d200"], suite.Workloads.Take(4).Select(w => w.Name));
        var plan = RunPlan.Build(suite, [Host("src"), Host("dst")], canShapeLink: true);
        Assert.Equal(suite.Workloads.Count * 2, plan.Cells.Count);
        Assert.All(plan.Cells, cell => Assert.Contains(cell.Mode.Name, new[] { "cold", "postcopy" }));
        Assert.Equal(suite.Workloads.Count * 2, plan.Refused.Count);
        Assert.All(plan.Refused, refused => Assert.Contains("soft-dirty", refused.Reason));
        // The log says it once per mode, naming every workload.
        var lines = SuiteRunner.RefusalLines(plan.Refused).ToList();
        Assert.Equal(2, lines.Count);
        Assert.StartsWith("not supported: precopy with tar-ssh at 1gbit for memory-256m (process), memory-256m-d10 (process)", lines[0]);
        Assert.Contains("runc-counter (runc): this kernel has no soft-dirty tracking", lines[1]);
    }

    [Fact]
    public void The_live_suite_runs_all_four_modes_for_every_workload_where_the_kernel_tracks_dirty_pages()
    {
        var suite = SuiteLoader.Load(Path.Combine(WorkloadAssets.Directory, "suites", "live.yaml"));
        HostFeatures Tracking(string name) => Host(name) with { SoftDirty = true };
        var plan = RunPlan.Build(suite, [Tracking("src"), Tracking("dst")], canShapeLink: true);
        Assert.Empty(plan.Refused);
        Assert.Equal(suite.Workloads.Count * 4, plan.Cells.Count);
    }

    [Fact]
    public void The_page_server_strategy_is_refused_because_post_copy_streams_pages_itself()
    {
        var plan = Plan([Host("src"), Host("dst")], "page-server");
        var refused = plan.Refused.First(r => r is { Mode: "postcopy", Engine: "process" });
        Assert.Contains("lazy page server", refused.Reason);
    }
}
