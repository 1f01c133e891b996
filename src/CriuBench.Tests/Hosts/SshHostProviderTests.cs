using CriuBench.Execution;
using CriuBench.Hosts;
using CriuBench.Hosts.Ssh;
using CriuBench.Logging;
using CriuBench.Preflight;
using CriuBench.Reporting;
using CriuBench.Running;
using CriuBench.Suites;
using CriuBench.Tests.Support;
using CriuBench.Workloads;
using CriuBench.Workloads.Output;

namespace CriuBench.Tests.Hosts;

public sealed class SshTestLab() : SshLabFixture("s1");

/// <summary>The SSH provider against the lab's hosts reached only through their sshd, host keys checked.</summary>
public class SshHostProviderTests(SshTestLab lab) : IClassFixture<SshTestLab>
{
    [Fact(Timeout = 240_000)]
    public async Task A_counter_migrates_there_and_back_between_hosts_named_in_a_hosts_file()
    {
        using var results = new TempDirectory();
        var suite = new Suite
        {
            Name = "ssh",
            Workloads = [BuiltinWorkloads.ShellCounter()],
            Strategies = ["tar"],
            Repetitions = 2,
            Hosts = lab.WriteHostsFile(results.File("hosts.yaml")),
        };

        var outcome = await new SuiteRunner(ProcessRunner.Instance, new CollectingLog()).RunAsync(suite, results.Path, "test", CancellationToken.None);

        Assert.Equal(["src->dst", "dst->src"], outcome.Records.Select(r => r.Direction));
        Assert.All(outcome.Records, row =>
        {
            Assert.True(row.Succeeded, row.FailureReason);
            Assert.Equal(0, row.CounterGap);
            Assert.Equal("ssh", row.HostKind);
            Assert.Equal("unshaped", row.LinkRate);
        });
        var environment = await EnvironmentCsv.ReadAsync(Path.Combine(outcome.RunDirectory, RunFiles.Environment));
        Assert.Equal(["src", "dst"], environment.Hosts.Select(h => h.Host));
        foreach (var host in lab.Lab.Hosts)
        {
            var left = await host.RunCheckedAsync(Command.Of("find", HostPaths.Disk, "-mindepth", "1"));
            Assert.True(left.StandardOutput.Trim().Length == 0, $"left on {host.Name}: {left.StandardOutput}");
        }
    }

    [Fact(Timeout = 120_000)]
    public async Task An_unknown_host_key_is_refused_before_anything_runs_with_the_command_that_adds_it()
    {
        using var files = new TempDirectory();
        var controllerKnown = files.File("controller_known_hosts");
        var peerKnown = files.File("peer_known_hosts");
        File.WriteAllText(controllerKnown, "");
        File.WriteAllText(peerKnown, "");
        var provider = SshHostProvider.Load(lab.WriteHostsFile(files.File("hosts.yaml"), controllerKnown, peerKnown), ProcessRunner.Instance);

        var controller = await Assert.ThrowsAsync<HostsFileException>(() => provider.UpAsync(CriuBench.Lab.LinkRate.Unshaped, NullLog.Instance, CancellationToken.None));

        var add = $"ssh-keyscan -p 22 -H {lab.ControlAddress("src")} >> {controllerKnown}";
        Assert.Contains($"the host key of {lab.ControlAddress("src")} is not in {controllerKnown} on the controller: add it with `{add}`", controller.Message);
        Assert.StartsWith($"{files.File("hosts.yaml")}:2: host 'src'", controller.Message);
        foreach (var host in new[] { "src", "dst" })
            (await ProcessRunner.Instance.RunAsync(Command.Of("bash", "-c", $"ssh-keyscan -p 22 -H {lab.ControlAddress(host)} >> {controllerKnown}"))).EnsureSuccess();

        var peer = await Assert.ThrowsAsync<InvalidOperationException>(() => provider.UpAsync(CriuBench.Lab.LinkRate.Unshaped, NullLog.Instance, CancellationToken.None));

        Assert.Contains($"src cannot check dst's host key: the host key of 198.18.0.2 is not in {peerKnown} on src: add it with `ssh-keyscan -p 22 -H 198.18.0.2 >> {peerKnown}`", peer.Message);
        foreach (var (host, other) in new[] { (lab.Lab.Hosts[0], "198.18.0.2"), (lab.Lab.Hosts[1], "198.18.0.1") })
            await host.RunCheckedAsync(Command.Of("bash", "-c", $"ssh-keyscan -p 22 -H {other} >> {peerKnown}"));

        await using var hosts = await provider.UpAsync(CriuBench.Lab.LinkRate.Unshaped, NullLog.Instance, CancellationToken.None);
        Assert.Equal("ssh", hosts.Kind);
    }

    [Fact(Timeout = 180_000)]
    public async Task A_library_that_differs_between_the_hosts_stops_the_run_before_the_first_dump()
    {
        using var results = new TempDirectory();
        var libraries = Path.Combine(lab.Directory, "lib");
        Directory.CreateDirectory(libraries);
        const string library = "/lib/x86_64-linux-gnu/libtinfo.so.6";
        try
        {
            // Each host gets its own tmpfs there (private to its mount namespace); dst's copy is 16 bytes longer.
            foreach (var host in lab.Lab.Hosts)
            {
                await host.RunCheckedAsync(Command.Of("mount", "-t", "tmpfs", "s1-libs", libraries));
                await host.RunCheckedAsync(Command.Of("cp", library, libraries));
            }
            await lab.Lab.Hosts[1].RunCheckedAsync(Command.Of("bash", "-c", "printf 0123456789abcdef >> \"$1\"", "_", $"{libraries}/libtinfo.so.6"));
            var suite = new Suite
            {
                Name = "libs",
                Workloads = [new WorkloadSpec
                {
                    Name = "tinfo-counter",
                    Command = ["env", $"LD_LIBRARY_PATH={libraries}", "bash", HostAssets.On("counter.sh"), "0.1"],
                    Output = OutputFormat.Counter,
                }],
                Strategies = ["tar"],
                Repetitions = 1,
                Hosts = lab.WriteHostsFile(results.File("hosts.yaml")),
            };

            var e = await Assert.ThrowsAsync<PreflightFailedException>(() =>
                new SuiteRunner(ProcessRunner.Instance, new CollectingLog()).RunAsync(suite, results.Path, "test", CancellationToken.None));

            var size = File.ReadAllBytes(library).LongLength; // the file, not the symlink to it
            var buildId = ElfBuildId.Read(File.ReadAllBytes(library));
            Assert.NotNull(buildId);
            var expected = $"preflight: workload tinfo-counter maps files that differ between the hosts, so its restore would fail: {libraries}/libtinfo.so.6: "
                + $"src has {size} bytes, build-id {buildId}, dst has {size + 16} bytes, build-id {buildId}. Install the same versions";
            Assert.True(e.Message.StartsWith(expected, StringComparison.Ordinal), $"expected: {expected}\nactual: {e.Message}");
            var run = Directory.GetDirectories(results.Path).Single(directory => new DirectoryInfo(directory).LinkTarget is null); // not "latest"
            Assert.Empty(await MigrationsCsv.ReadAsync(Path.Combine(run, RunFiles.Migrations)));
        }
        finally
        {
            foreach (var host in lab.Lab.Hosts) await host.RunAsync(Command.Of("umount", libraries));
        }
    }
}
