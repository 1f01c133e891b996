using CriuBench.Hosts.Vm;

namespace CriuBench.Tests.Vm;

[Trait("Category", "Unit")]
public class QemuCommandTests
{
    private static readonly VmLayout Layout = VmLayout.For("v1");
    private static readonly VmImage Image = new("/cache/img");

    private static string ValueOf(IReadOnlyList<string> arguments, string option) => arguments[arguments.ToList().IndexOf(option) + 1];

    [Fact]
    public void A_vm_boots_under_tcg_from_the_images_kernel_over_its_own_overlay_and_seed()
    {
        var args = QemuCommand.Boot(Layout, Image, "src").Arguments;
        Assert.Equal("pc,accel=tcg", ValueOf(args, "-machine"));
        Assert.Equal("/cache/img/vmlinuz", ValueOf(args, "-kernel"));
        Assert.Equal("/cache/img/initrd.img", ValueOf(args, "-initrd"));
        Assert.Contains($"file={Layout.OverlayOf("src")},if=virtio,format=qcow2,cache=unsafe", args);
        Assert.Contains($"file={Layout.SeedImageOf("src")},if=virtio,format=raw,readonly=on", args);
        Assert.DoesNotContain(args, a => a.Contains(Image.Base));
    }

    [Fact]
    public void Control_ssh_is_forwarded_on_loopback_and_src_listens_where_dst_connects()
    {
        var src = QemuCommand.Boot(Layout, Image, "src").Arguments;
        var dst = QemuCommand.Boot(Layout, Image, "dst").Arguments;
        Assert.Contains($"user,id=control,hostfwd=tcp:127.0.0.1:{Layout.SshPortOf("src")}-:22", src);
        Assert.Contains($"socket,id=link,listen=127.0.0.1:{Layout.LinkPort}", src);
        Assert.Contains($"socket,id=link,connect=127.0.0.1:{Layout.LinkPort}", dst);
        Assert.Contains($"virtio-net-pci,netdev=link,mac={VmLayout.LinkMacOf("dst")}", dst);
    }

    [Fact]
    public void Qemu_daemonizes_with_a_pid_file_and_a_console_log_the_teardown_knows()
    {
        var args = QemuCommand.Boot(Layout, Image, "dst").Arguments;
        Assert.Contains("-daemonize", args);
        Assert.Equal(Layout.PidFileOf("dst"), ValueOf(args, "-pidfile"));
        Assert.Equal($"file:{Layout.ConsoleLogOf("dst")}", ValueOf(args, "-serial"));
        Assert.Contains("-no-reboot", args);
    }

    [Fact]
    public void An_overlay_is_backed_by_the_cached_base_which_stays_unchanged()
    {
        var command = QemuCommand.CreateOverlay(Image, "/o.qcow2");
        Assert.Equal(["create", "-q", "-f", "qcow2", "-F", "qcow2", "-b", "/cache/img/base.qcow2", "/o.qcow2"], command.Arguments);
    }

    [Fact]
    public void The_image_directory_is_the_last_line_the_build_script_prints_after_its_progress()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => VmImageBuilder.ParseImage(["vm-image: [  0s] cached image /x"]));
        Assert.Contains("no image directory", ex.Message);
    }
}
