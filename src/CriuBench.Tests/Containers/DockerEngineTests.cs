using CriuBench.Tests.Support;
using CriuBench.Workloads;
using CriuBench.Workloads.Containers;
using Xunit.Abstractions;
using CriuBench.Workloads.Catalog;

namespace CriuBench.Tests.Containers;

public sealed class DockerLab() : LabFixture("tc2");

/// <summary>The docker engine against a real lab: one dockerd per host, `docker checkpoint`, both transfers.</summary>
public sealed class DockerEngineTests(DockerLab fixture, ITestOutputHelper output) : IClassFixture<DockerLab>
{
    [Fact(Timeout = 300_000)]
    public async Task A_docker_container_migrates_there_and_back_with_tar_and_shared_without_losing_a_value_and_leaves_nothing()
    {
        Requires.Criu();
        Requires.Tool("dockerd", "docker.io");
        Requires.Tool("iptables-restore", "iptables");
        var lab = fixture.Lab;

        var scenario = new ContainerMigrationScenario(lab, new DockerEngine(), BuiltinWorkloads.ByName("docker-counter"), output);
        await scenario.RunAsync();

        Assert.Equal(4, scenario.Rows.Count);
        foreach (var host in lab.Hosts)
            Assert.False(await ContainerMigrationScenario.ExistsAsync(host, DockerCommands.Root), $"dockerd's files left on {host.Name}");
        Assert.Empty(ContainerMigrationScenario.Leftovers(lab));
    }

    [Fact(Timeout = 300_000)]
    public async Task After_a_crash_the_labs_teardown_stops_its_dockerd_and_containers_and_removes_their_cgroups()
    {
        Requires.Criu();
        Requires.Tool("dockerd", "docker.io");
        var lab = fixture.Lab;
        var engine = new DockerEngine();
        await engine.PrepareHostAsync(lab.Source, CancellationToken.None);
        await engine.StartAsync(lab.Source, BuiltinWorkloads.ByName("docker-counter"), "crash", CancellationToken.None);

        var survivors = await ContainerMigrationScenario.CrashAndTearDownAsync(lab);

        Assert.Empty(survivors);
    }
}
