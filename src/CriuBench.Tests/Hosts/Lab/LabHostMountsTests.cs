using CriuBench.Execution;
using CriuBench.Hosts;
using CriuBench.Tests.Support;

namespace CriuBench.Tests.Hosts.Lab;

public sealed class HostMountsLab() : LabFixture("tt1");

/// <summary>
/// What a lab host's own mount namespace changes: /run is a tmpfs, so CRIU keeps its kernel-feature
/// cache, with the machine's own entries still there; root's shell startup files read as empty, so
/// a command arriving over ssh does not run the controller user's shell setup.
/// </summary>
public sealed class LabHostMountsTests(HostMountsLab fixture) : IClassFixture<HostMountsLab>
{
    [Fact(Timeout = 120_000)]
    public async Task Criu_keeps_its_kernel_feature_cache_in_a_lab_host_and_the_machines_run_entries_stay_visible()
    {
        foreach (var host in fixture.Lab.Hosts)
        {
            var fileSystem = await host.RunCheckedAsync(Command.Of("stat", "-f", "-c", "%T", "/run"));
            Assert.Equal("tmpfs", fileSystem.StandardOutput.Trim());

            var check = await host.RunAsync(Command.Of("criu", "check"));
            Assert.DoesNotContain("Can't keep kdat cache", check.StandardError + check.StandardOutput);
            Assert.NotNull(await host.FileSizeAsync("/run/criu.kdat"));

            // sshd's privilege-separation directory and the lab's network namespace files are the machine's.
            Assert.NotNull(await host.FileSizeAsync("/run/sshd"));
            Assert.NotNull(await host.FileSizeAsync($"/run/netns/cb-{fixture.Name}-{host.Name}"));
        }
    }

    [Fact(Timeout = 120_000)]
    public async Task A_command_arriving_over_ssh_on_a_lab_host_reads_an_empty_root_bashrc_while_the_machines_own_stays_as_it_was()
    {
        var machines = new FileInfo("/root/.bashrc");
        var sizeBefore = machines.Exists ? machines.Length : (long?)null;
        var (src, dst) = (fixture.Lab.Source, fixture.Lab.Destination);

        // As tar-ssh, rsync and page-server reach the other host: through root's shell there.
        var login = await src.RunCheckedAsync(Command.Of("ssh", [.. dst.Ssh.SshOptions, dst.Ssh.Target,
            "if [ -e ~/.bashrc ]; then wc -c < ~/.bashrc; else echo absent; fi"]));

        Assert.Equal(sizeBefore is null ? "absent" : "0", login.StandardOutput.Trim());
        machines.Refresh();
        Assert.Equal(sizeBefore, machines.Exists ? machines.Length : null);
    }
}
