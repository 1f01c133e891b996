using CriuBench.Hosts.Lab;
using CriuBench.Hosts.Ssh;
using CriuBench.Preflight;
using CriuBench.Running;
using CriuBench.Suites;
using CriuBench.Tests.Support;
using CriuBench.Vocabulary;

namespace CriuBench.Tests.Running;

[Trait("Category", "Unit")]
public sealed class CriuBuildSelectionTests
{
    [Theory]
    [InlineData("4.1.1")]
    [InlineData("4.2")]
    [InlineData("10.0.1.2")]
    public void A_version_names_its_side_by_side_path(string version) =>
        Assert.Equal($"/usr/local/lib/criubench/criu/{version}/criu", CriuBuild.Parse(version).Path);

    [Theory]
    [InlineData("")]
    [InlineData("latest")]
    [InlineData("4")]
    [InlineData("../4.1.1")]
    [InlineData("4.1.1/../../bin")]
    public void Anything_but_a_version_is_refused(string text) =>
        Assert.Throws<FormatException>(() => CriuBuild.Parse(text));

    [Fact]
    public void A_build_that_is_not_installed_is_refused_with_the_command_that_builds_it()
    {
        var refusal = CriuBuildSelection.Refusal(new LabHostProvider("cmp", new FakeCommandRunner()), new CriuBuild("0.0.1"));

        Assert.Equal("--criu 0.0.1: CRIU 0.0.1 is not installed on this machine (the lab's hosts): /usr/local/lib/criubench/criu/0.0.1/criu is missing; build it with scripts/build-criu.sh 0.0.1", refusal);
    }

    [Fact]
    public void Hosts_that_are_whole_machines_are_refused()
    {
        var provider = new SshHostProvider(new HostsFile("hosts.yaml", []), new FakeCommandRunner());

        var refusal = CriuBuildSelection.Refusal(provider, new CriuBuild("4.1.1"));

        Assert.Contains("are whole machines", refusal);
    }

    [Fact]
    public async Task Each_host_gets_the_build_mounted_over_its_criu()
    {
        var runner = new FakeCommandRunner();
        var hosts = new[] { new FakeHost("src", "198.18.0.1", runner), new FakeHost("dst", "198.18.0.2", runner) };

        await CriuBuildSelection.ApplyAsync(hosts, new CriuBuild("4.1.1"), CancellationToken.None);

        Assert.Equal(
            ["test -x /usr/local/lib/criubench/criu/4.1.1/criu", "mount --bind /usr/local/lib/criubench/criu/4.1.1/criu /usr/local/sbin/criu",
                "test -x /usr/local/lib/criubench/criu/4.1.1/criu", "mount --bind /usr/local/lib/criubench/criu/4.1.1/criu /usr/local/sbin/criu"],
            runner.Commands.Select(c => c.ToString()));
    }

    [Fact]
    public async Task A_host_without_the_build_is_named_in_the_refusal()
    {
        var runner = new FakeCommandRunner { Answer = c => c.Program == "test" ? (1, "", "") : (0, "", "") };

        var refused = await Assert.ThrowsAsync<SuiteException>(() =>
            CriuBuildSelection.ApplyAsync([new FakeHost("src", "198.18.0.1", runner)], new CriuBuild("4.1.1"), CancellationToken.None));

        Assert.Contains("not installed on src", refused.Message);
        Assert.Contains("scripts/build-criu.sh 4.1.1", refused.Message);
        Assert.DoesNotContain(runner.Commands, c => c.Program == "mount");
    }

    [Fact]
    public void A_host_whose_criu_is_another_version_fails_the_preflight()
    {
        var hosts = new[] { HostFeatures.Unknown("src", "lab-netns") with { CriuVersion = "4.1.1" }, HostFeatures.Unknown("dst", "lab-netns") with { CriuVersion = "4.2.1" } };

        var failure = Assert.Throws<PreflightFailedException>(() => CriuBuildSelection.CheckVersions(hosts, new CriuBuild("4.1.1")));

        Assert.Contains("on dst says 4.2.1", failure.Message);
    }
}
