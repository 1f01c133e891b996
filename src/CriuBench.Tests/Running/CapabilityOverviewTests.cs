using CriuBench.Preflight;
using CriuBench.Running;

namespace CriuBench.Tests.Running;

/// <summary>What doctor says the hosts can do comes from the run's own checks, each "no" with its reason.</summary>
[Trait("Category", "Unit")]
public class CapabilityOverviewTests
{
    private static HostFeatures Host(string name) =>
        HostFeatures.Unknown(name, "lab-netns") with { CriuWorks = true, Uffd = true, SoftDirty = false, Sshfs = true, Docker = true, RuncVersion = "1.1.5", PodmanVersion = "4.3.1", PipeMaxSize = 1048576 };

    [Fact]
    public void A_kernel_without_soft_dirty_and_nfs_refuses_precopy_hybrid_and_nfs_and_nothing_else()
    {
        var overview = CapabilityOverview.Of([Host("src"), Host("dst")], canShapeLink: true);

        var cannot = overview.Engines.Concat(overview.Modes).Concat(overview.Strategies).Where(c => !c.CanRun).ToList();
        Assert.Equal(["precopy", "hybrid", "nfs"], cannot.Select(c => c.Name));
        Assert.All(cannot.Take(2), c => Assert.Contains("soft-dirty", Assert.Single(c.Refusals)));
        Assert.Contains("no NFS", Assert.Single(cannot[2].Refusals));
        Assert.Equal(["process", "runc", "docker", "podman"], overview.Engines.Select(e => e.Name));
        Assert.DoesNotContain(overview.Strategies, s => s.Name == "shared"); // the older name of sshfs is not a second strategy
        // Each part runs, the pair does not: post-copy with page-server, docker with post-copy.
        Assert.Contains(overview.RefusedCombinations, r => r is { Mode: "postcopy", Strategy: "page-server" });
        Assert.Contains(overview.RefusedCombinations, r => r is { Mode: "postcopy", Engine: "docker" });
        Assert.Contains(overview.RefusedCombinations, r => r is { Mode: "postcopy", Engine: "podman" });
    }

    [Fact]
    public void An_engine_missing_on_a_host_is_refused_naming_the_host_and_what_to_install()
    {
        var overview = CapabilityOverview.Of([Host("src"), Host("dst") with { Docker = false, RuncVersion = null }], canShapeLink: true);

        var docker = overview.Engines.Single(e => e.Name == "docker");
        Assert.False(docker.CanRun);
        Assert.Equal("Docker is missing on dst (dockerd, containerd, /usr/bin/docker): apt-get install docker.io there", Assert.Single(docker.Refusals));
        Assert.Equal("runc is missing on dst: apt-get install runc there", Assert.Single(overview.Engines.Single(e => e.Name == "runc").Refusals));
        Assert.True(overview.Engines.Single(e => e.Name == "process").CanRun);
    }

    [Fact]
    public void Hosts_whose_criu_check_fails_can_run_nothing_and_say_so()
    {
        var overview = CapabilityOverview.Of([Host("src") with { CriuWorks = false }, Host("dst")], canShapeLink: true);

        Assert.All(overview.Engines.Concat(overview.Modes).Concat(overview.Strategies), c => Assert.Contains("`criu check` fails on src", Assert.Single(c.Refusals)));
    }
}
