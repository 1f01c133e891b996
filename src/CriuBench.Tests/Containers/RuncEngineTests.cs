using CriuBench.Execution;
using CriuBench.Hosts;
using CriuBench.Tests.Support;
using CriuBench.Workloads;
using CriuBench.Workloads.Containers;
using Xunit.Abstractions;
using CriuBench.Workloads.Catalog;

namespace CriuBench.Tests.Containers;

public sealed class RuncLab() : LabFixture("tc1");

/// <summary>The runc engine against a real lab: CRIU, runc, two hosts, both transfers.</summary>
public sealed class RuncEngineTests(RuncLab fixture, ITestOutputHelper output) : IClassFixture<RuncLab>
{
    [Fact(Timeout = 240_000)]
    public async Task A_runc_container_migrates_there_and_back_with_tar_and_shared_without_losing_a_value_and_leaves_nothing()
    {
        Requires.Criu();
        Requires.Tool("runc", "runc");
        Requires.Tool("iptables-restore", "iptables");
        var lab = fixture.Lab;

        var scenario = new ContainerMigrationScenario(lab, new RuncEngine(), BuiltinWorkloads.ByName("runc-counter"), output);
        await scenario.RunAsync();

        Assert.Equal(4, scenario.Rows.Count);
        foreach (var host in lab.Hosts)
        {
            Assert.False(await ContainerMigrationScenario.ExistsAsync(host, RuncCommands.StateRoot), $"runc state left on {host.Name}");
            Assert.False(await ContainerMigrationScenario.ExistsAsync(host, BusyboxRootfs.OnHost), $"rootfs copy left on {host.Name}");
        }
        Assert.Empty(ContainerMigrationScenario.Leftovers(lab));
    }

    [Fact(Timeout = 240_000)]
    public async Task After_a_crash_the_labs_teardown_removes_its_containers_and_their_cgroups_even_a_frozen_one()
    {
        Requires.Criu();
        Requires.Tool("runc", "runc");
        var lab = fixture.Lab;
        var engine = new RuncEngine();
        var spec = BuiltinWorkloads.ByName("runc-counter");
        foreach (var host in lab.Hosts) await engine.PrepareHostAsync(host, CancellationToken.None);
        await engine.StartAsync(lab.Source, spec, "crash-running", CancellationToken.None);
        var frozen = await engine.StartAsync(lab.Destination, spec, "crash-frozen", CancellationToken.None);
        // A checkpoint cut short leaves the container frozen, as `runc pause` does.
        await lab.Destination.RunCheckedAsync(Command.Of("runc", "--root", RuncCommands.StateRoot, "pause", frozen.Id));

        var survivors = await ContainerMigrationScenario.CrashAndTearDownAsync(lab);

        Assert.Empty(survivors);
    }
}
