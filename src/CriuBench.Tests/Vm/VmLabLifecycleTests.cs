using CriuBench.Execution;
using CriuBench.Hosts;
using CriuBench.Hosts.Vm;
using CriuBench.Tests.Support;

namespace CriuBench.Tests.Vm;

/// <summary>
/// The real VM lab: two QEMU guests (TCG) from the cached image. Slow (a few minutes with the
/// image cached, far more on a loaded machine; the first build adds 3 to 18 minutes), and each
/// qemu takes about 2.2 GiB.
/// </summary>
[Collection(CriuBench.Tests.Vm.VmLabCollection.Name)]
public class VmLabLifecycleTests
{
    private const string Name = "vtest";

    [Fact(Timeout = 30 * 60 * 1000)] // boot-to-ssh: about 100 s idle, 9 minutes under a load average of 50
    public async Task Both_vms_pass_criu_check_over_ssh_with_host_keys_checked_and_down_leaves_no_qemu_and_no_overlay()
    {
        Requires.Root();
        var log = new CollectingLog();
        await using (var lab = await VmLab.UpAsync(Name, ProcessRunner.Instance, log))
        {
            Assert.True(VmLab.Status(Name).IsUp);
            foreach (var host in lab.Hosts)
            {
                Assert.Equal("vm-qemu", host.Kind);
                Assert.Contains("StrictHostKeyChecking=yes", host.Control.SshOptions);
                var check = await host.RunAsync(Command.Of("criu", "check"));
                Assert.True(check.Succeeded, $"{host}: {check.StandardError}");
                Assert.Contains("Looks good", check.StandardOutput + check.StandardError);
                Assert.Equal(host.Name, (await host.RunCheckedAsync(Command.Of("hostname"))).StandardOutput.Trim());
            }
        }

        var status = VmLab.Status(Name);
        Assert.True(status.IsAbsent, $"left behind: {status}");
        Assert.False(File.Exists(VmLayout.For(Name).OverlayOf("src")));
        Assert.Empty(QemuProcessesOf(Name));
    }

    [Fact]
    public async Task Down_of_a_lab_that_does_not_exist_removes_nothing_and_says_nothing()
    {
        Requires.Root();
        var log = new CollectingLog();
        var removed = await VmLab.DownAsync("vnone", log);
        Assert.Empty(removed);
        Assert.Empty(log.Infos);
    }

    private static IEnumerable<int> QemuProcessesOf(string name) =>
        Directory.EnumerateDirectories("/proc")
            .Select(d => (Dir: d, Ok: int.TryParse(Path.GetFileName(d), out _)))
            .Where(p => p.Ok)
            .Select(p => { try { return (p.Dir, Cmd: File.ReadAllText($"{p.Dir}/cmdline")); } catch (IOException) { return (p.Dir, Cmd: ""); } })
            .Where(p => p.Cmd.Contains("qemu-system") && p.Cmd.Contains($"/vms/{name}/"))
            .Select(p => int.Parse(Path.GetFileName(p.Dir)));
}
