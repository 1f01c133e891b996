using CriuBench.Execution;
using CriuBench.Hosts;
using CriuBench.Hosts.Ssh;
using CriuBench.Logging;
using CriuBench.Preflight;
using CriuBench.Reporting;
using CriuBench.Running;
using CriuBench.Suites;
using CriuBench.Tests.Support;
using CriuBench.Vocabulary;
using CriuBench.Workloads;
using CriuBench.Workloads.Containers;
using CriuBench.Workloads.Output;
using CriuBench.Workloads.Catalog;

namespace CriuBench.Tests.Hosts;

public sealed class SshTestLab() : SshLabFixture("s1");

/// <summary>The SSH provider against the lab's hosts reached only through their sshd, host keys checked.</summary>
public class SshHostProviderTests(SshTestLab lab) : IClassFixture<SshTestLab>
{
    /// <summary>tar-ssh too: its stream's ssh session, opened on the source before the freeze, is itself a command over ssh here.</summary>
    [Fact(Timeout = 240_000)]
    public async Task A_counter_migrates_there_and_back_between_hosts_named_in_a_hosts_file()
    {
        using var results = new TempDirectory();
        var suite = new Suite
        {
            Name = "ssh",
            Workloads = [BuiltinWorkloads.ShellCounter()],
            Strategies = Resolved.Strategies("tar", "tar-ssh"),
            Repetitions = 2,
            Hosts = lab.WriteHostsFile(results.File("hosts.yaml")),
        };

        var outcome = await new SuiteRunner(ProcessRunner.Instance, new CollectingLog()).RunAsync(suite, results.Path, "test", CancellationToken.None);

        Assert.Equal(["tar", "tar", "tar-ssh", "tar-ssh"], outcome.Records.Select(r => r.Strategy));
        Assert.Equal(["src->dst", "dst->src", "src->dst", "dst->src"], outcome.Records.Select(r => r.Direction));
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
        var streams = LabProcesses.Streams(lab.Lab);
        Assert.True(streams.Count == 0, $"still running: {string.Join("; ", streams)}");
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

        var controller = await Assert.ThrowsAsync<HostsFileException>(() => provider.UpAsync(LinkRate.Unshaped, NullLog.Instance, CancellationToken.None));

        var add = $"ssh-keyscan -p 22 -H {lab.ControlAddress("src")} >> {controllerKnown}";
        Assert.Contains($"the host key of {lab.ControlAddress("src")} is not in {controllerKnown} on the controller: add it with `{add}`", controller.Message);
        Assert.StartsWith($"{files.File("hosts.yaml")}:2: host 'src'", controller.Message);
        foreach (var host in new[] { "src", "dst" })
            (await ProcessRunner.Instance.RunAsync(Command.Of("bash", "-c", $"ssh-keyscan -p 22 -H {lab.ControlAddress(host)} >> {controllerKnown}"))).EnsureSuccess();

        var peer = await Assert.ThrowsAsync<InvalidOperationException>(() => provider.UpAsync(LinkRate.Unshaped, NullLog.Instance, CancellationToken.None));

        Assert.Contains($"src cannot check dst's host key: the host key of 198.18.0.2 is not in {peerKnown} on src: add it with `ssh-keyscan -p 22 -H 198.18.0.2 >> {peerKnown}`", peer.Message);
        foreach (var (host, other) in new[] { (lab.Lab.Hosts[0], "198.18.0.2"), (lab.Lab.Hosts[1], "198.18.0.1") })
            await host.RunCheckedAsync(Command.Of("bash", "-c", $"ssh-keyscan -p 22 -H {other} >> {peerKnown}"));

        await using var hosts = await provider.UpAsync(LinkRate.Unshaped, NullLog.Instance, CancellationToken.None);
        Assert.Equal("ssh", hosts.Kind);
    }

    [Fact(Timeout = 180_000)]
    public async Task A_library_that_differs_between_the_hosts_ends_that_workloads_cell_before_its_first_dump_and_the_others_run()
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
                Workloads =
                [
                    new WorkloadSpec
                    {
                        Name = "tinfo-counter",
                        Command = ["env", $"LD_LIBRARY_PATH={libraries}", "bash", HostAssets.On("counter.sh"), "0.1"],
                        Output = OutputFormat.Counter,
                    },
                    BuiltinWorkloads.ByName("counter"),
                ],
                Strategies = Resolved.Strategies("tar"),
                Repetitions = 1,
                Hosts = lab.WriteHostsFile(results.File("hosts.yaml")),
            };

            var outcome = await new SuiteRunner(ProcessRunner.Instance, new CollectingLog()).RunAsync(suite, results.Path, "test", CancellationToken.None);

            var size = File.ReadAllBytes(library).LongLength; // the file, not the symlink to it
            var buildId = ElfBuildId.Read(File.ReadAllBytes(library));
            Assert.NotNull(buildId);
            var expected = $"preflight: workload tinfo-counter maps files that differ between the hosts, so its restore would fail: {libraries}/libtinfo.so.6: "
                + $"src has {size} bytes, build-id {buildId}, dst has {size + 16} bytes, build-id {buildId}. Install the same versions";
            var rows = await MigrationsCsv.ReadAsync(Path.Combine(outcome.RunDirectory, RunFiles.Migrations));
            var refused = Assert.Single(rows, row => row.Workload == "tinfo-counter");
            Assert.False(refused.Succeeded);
            Assert.True(refused.FailureReason!.StartsWith(expected, StringComparison.Ordinal), $"expected: {expected}\nactual: {refused.FailureReason}");
            Assert.Equal("nowhere (stopped before its first dump)", refused.WorkloadRunsOn);
            Assert.Null(refused.CheckpointTimeMs); // no dump was attempted
            var moved = Assert.Single(rows, row => row.Workload == "counter");
            Assert.True(moved.Succeeded, moved.FailureReason);
            Assert.Equal(0, moved.CounterGap);
            // The refused workload was stopped: no process left with its library path in its environment.
            var left = await ProcessRunner.Instance.RunAsync(Command.Of("bash", "-c", "grep -lsF \"LD_LIBRARY_PATH=$1\" /proc/[0-9]*/environ", "_", libraries));
            Assert.True(string.IsNullOrWhiteSpace(left.StandardOutput), $"tinfo-counter still runs: {left.StandardOutput}");
        }
        finally
        {
            foreach (var host in lab.Lab.Hosts) await host.RunAsync(Command.Of("umount", libraries));
        }
    }

    [Fact(Timeout = 180_000)]
    public async Task A_docker_daemon_a_crashed_run_left_on_an_ssh_host_is_stopped_by_the_next_start()
    {
        using var files = new TempDirectory();
        var provider = SshHostProvider.Load(lab.WriteHostsFile(files.File("hosts.yaml")), ProcessRunner.Instance);
        var crashed = (SshHostSet)await provider.UpAsync(LinkRate.Unshaped, NullLog.Instance, CancellationToken.None);
        try
        {
            // The run started dockerd on src and then died: nothing of it ran its way out.
            await new DockerEngine().PrepareHostAsync(crashed.SshHosts[0], CancellationToken.None);
            Assert.NotEmpty(await DaemonsAsync(lab.Lab.Hosts[0]));

            await using (await provider.UpAsync(LinkRate.Unshaped, NullLog.Instance, CancellationToken.None))
                Assert.Empty(await DaemonsAsync(lab.Lab.Hosts[0]));
            var left = await lab.Lab.Hosts[0].RunCheckedAsync(Command.Of("find", HostPaths.Disk, "-mindepth", "1"));
            Assert.True(left.StandardOutput.Trim().Length == 0, $"left on src: {left.StandardOutput}");
        }
        finally
        {
            await crashed.DisposeAsync();
        }
    }

    /// <summary>dockerd and containerd processes in the host's own mount namespace (other tests' labs run their own).</summary>
    private static async Task<string[]> DaemonsAsync(IHost host)
    {
        var found = await host.RunCheckedAsync(Command.Of("bash", "-c", """
            mine=$(readlink /proc/self/ns/mnt)
            for pid in $(pgrep -x 'dockerd|containerd'); do
              [ "$(readlink /proc/$pid/ns/mnt 2>/dev/null)" = "$mine" ] && echo "$pid"
            done
            exit 0
            """));
        return found.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
