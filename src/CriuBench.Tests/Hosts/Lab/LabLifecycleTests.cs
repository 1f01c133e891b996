using CriuBench.Execution;
using CriuBench.Hosts;
using CriuBench.Hosts.Lab;
using CriuBench.Logging;
using CriuBench.Tests.Support;
using CriuBench.Vocabulary;

namespace CriuBench.Tests.Hosts.Lab;

/// <summary>The real lab: two hosts that reach each other over a shaped link, each with its own disk, and nothing left after down.</summary>
public class LabLifecycleTests
{
    private const string Name = "tlab";
    private readonly ProcessRunner runner = ProcessRunner.Instance;

    [Fact(Timeout = 180_000)]
    public async Task A_lab_has_two_hosts_with_their_own_disks_joined_by_a_shaped_link_and_down_removes_everything()
    {
        Requires.Criu();
        await using (var lab = await CriuBench.Hosts.Lab.Lab.UpAsync(Name, LinkRate.Parse("100mbit"), runner, NullLog.Instance))
        {
            Assert.True(CriuBench.Hosts.Lab.Lab.Status(Name).IsUp);

            await lab.Source.RunCheckedAsync(Command.Of("bash", "-c", "echo mine > \"$1\"/only-on-src", "_", HostPaths.Disk));
            Assert.Null(await lab.Destination.FileSizeAsync($"{HostPaths.Disk}/only-on-src"));
            Assert.Equal(5, await lab.Source.FileSizeAsync($"{HostPaths.Disk}/only-on-src"));

            var login = await lab.Source.RunAsync(Command.Of("ssh", [.. lab.Destination.Ssh.SshOptions, lab.Destination.Ssh.Target, "cat", "/proc/self/net/dev"]));
            Assert.True(login.Succeeded, login.StandardError);
            Assert.Contains(lab.Layout.Interface("dst"), login.StandardOutput);

            var qdisc = await lab.Source.RunCheckedAsync(Command.Of("tc", "qdisc", "show", "dev", lab.Layout.Interface("src")));
            Assert.Contains("rate 100Mbit", qdisc.StandardOutput);
            await lab.SetRateAsync(LinkRate.Unlimited, CancellationToken.None);
            qdisc = await lab.Source.RunCheckedAsync(Command.Of("tc", "qdisc", "show", "dev", lab.Layout.Interface("src")));
            Assert.DoesNotContain("tbf", qdisc.StandardOutput);
        }

        AssertNothingLeft();
    }

    [Fact(Timeout = 180_000)]
    public async Task Starting_a_lab_over_the_leftovers_of_a_crashed_one_cleans_them_first()
    {
        Requires.Criu();
        const string crashed = "tcrash";
        // A lab whose owner died: never disposed, its sshd still running.
        await CriuBench.Hosts.Lab.Lab.UpAsync(crashed, LinkRate.Default, runner, NullLog.Instance);
        Assert.True(CriuBench.Hosts.Lab.Lab.Status(crashed).Processes > 0);

        await using (var again = await CriuBench.Hosts.Lab.Lab.UpAsync(crashed, LinkRate.Default, runner, NullLog.Instance))
            Assert.True(CriuBench.Hosts.Lab.Lab.Status(crashed).IsUp);

        var status = CriuBench.Hosts.Lab.Lab.Status(crashed);
        Assert.True(status.IsAbsent, $"left behind: {status}");
    }

    private static void AssertNothingLeft()
    {
        var status = CriuBench.Hosts.Lab.Lab.Status(Name);
        Assert.True(status.IsAbsent, $"left behind: {status}");
        Assert.DoesNotContain($"/run/criubench/{Name}", File.ReadAllText("/proc/mounts"));
        Assert.False(Directory.Exists(LabLayout.For(Name).StateDirectory));
    }
}
