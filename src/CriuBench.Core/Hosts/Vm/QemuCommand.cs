using CriuBench.Execution;

namespace CriuBench.Hosts.Vm;

/// <summary>The files a VM boots from, as built by scripts/vm/build-image.sh.</summary>
public sealed record VmImage(string Directory)
{
    public string Base => Path.Combine(Directory, "base.qcow2");
    public string Kernel => Path.Combine(Directory, "vmlinuz");
    public string Initrd => Path.Combine(Directory, "initrd.img");
}

/// <summary>
/// The QEMU command lines of a VM lab. TCG only (hardware KVM guests hang on these machines);
/// one user-mode NIC with the VM's sshd forwarded to 127.0.0.1 for control, and one socket NIC
/// joining the two VMs directly (src listens, dst connects, so src starts first).
/// </summary>
public static class QemuCommand
{
    public const int MemoryMiB = 1536;

    public static Command CreateOverlay(VmImage image, string overlay) =>
        Command.Of("qemu-img", "create", "-q", "-f", "qcow2", "-F", "qcow2", "-b", image.Base, overlay);

    public static Command Boot(VmLayout layout, VmImage image, string vm)
    {
        var link = vm == VmLayout.VmNames[0] ? "listen" : "connect";
        return Command.Of("qemu-system-x86_64",
            "-name", $"criubench-{layout.Name}-{vm}",
            "-machine", "pc,accel=tcg", "-cpu", "max", "-smp", "1", "-m", VmLayout.Text(MemoryMiB),
            "-kernel", image.Kernel, "-initrd", image.Initrd,
            // Under TCG every byte on the serial console costs: systemd reports only errors, and
            // getty-static (gettys on tty2-6 when logind is absent) is masked.
            "-append", "console=ttyS0 root=/dev/vda rw net.ifnames=0 panic=1 loglevel=4 systemd.show_status=error systemd.mask=getty-static.service",
            "-drive", $"file={layout.OverlayOf(vm)},if=virtio,format=qcow2,cache=unsafe",
            "-drive", $"file={layout.SeedImageOf(vm)},if=virtio,format=raw,readonly=on",
            "-netdev", $"user,id=control,hostfwd=tcp:127.0.0.1:{VmLayout.Text(layout.SshPortOf(vm))}-:22",
            "-device", $"virtio-net-pci,netdev=control,mac={VmLayout.ControlMacOf(vm)}",
            "-netdev", $"socket,id=link,{link}=127.0.0.1:{VmLayout.Text(layout.LinkPort)}",
            "-device", $"virtio-net-pci,netdev=link,mac={VmLayout.LinkMacOf(vm)}",
            "-display", "none", "-vga", "none", "-monitor", "none",
            "-serial", $"file:{layout.ConsoleLogOf(vm)}",
            "-no-reboot", "-daemonize", "-pidfile", layout.PidFileOf(vm));
    }
}
