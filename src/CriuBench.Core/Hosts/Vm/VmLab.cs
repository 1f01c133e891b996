using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using CriuBench.Execution;
using CriuBench.Hosts.Ssh;
using CriuBench.Hosts.Lab;
using CriuBench.Logging;
using CriuBench.Vocabulary;

namespace CriuBench.Hosts.Vm;

/// <summary>
/// Two Debian VMs under QEMU (TCG), src and dst, joined by a direct link: for what this machine's
/// kernel lacks (kernel NFS, soft-dirty tracking). Up builds or reuses the cached image, makes
/// fresh keys and a seed disk per VM, boots both over qcow2 overlays and waits until ssh answers
/// (about 100 s). Up first removes what a crashed lab of the same name left; a failing Up removes
/// everything it made.
/// </summary>
public sealed class VmLab : IHostSet
{
    private readonly ICommandRunner runner;
    private readonly ILog log;

    private VmLab(VmLayout layout, ICommandRunner runner, ILog log)
    {
        Layout = layout;
        this.runner = runner;
        this.log = log;
        Machines = VmLayout.VmNames.Select(vm => VmMachine.Of(layout, vm)).ToList();
        Hosts = Machines.Select(machine => new SshHost(machine.Endpoint, VmHostProvider.HostKind, runner)).ToList();
    }

    public VmLayout Layout { get; }
    public IReadOnlyList<VmMachine> Machines { get; }
    public IReadOnlyList<SshHost> Hosts { get; }
    IReadOnlyList<IHost> IHostSet.Hosts => Hosts;
    public SshHost Source => Hosts[0];
    public SshHost Destination => Hosts[1];
    public string Kind => VmHostProvider.HostKind;

    /// <summary>The direct link runs unshaped until <see cref="SetRateAsync"/>; under TCG it carries about 6-19 MB/s anyway.</summary>
    public LinkRate Rate { get; private set; } = LinkRate.Unlimited;

    /// <summary>tc tbf inside each VM, on its link interface (the seed names it <see cref="VmLayout.LinkInterface"/>).</summary>
    public bool CanShapeLink => true;

    /// <summary>Two VMs fill this 2-core machine under emulation: there is no third for a client.</summary>
    public string? ServicesMissing =>
        "the VM lab boots two VMs and no third one for the clients (each takes 2.2 GiB and a core under emulation): run service workloads on the netns lab, or on your own machines with a client host and a service address in the hosts file";

    public async Task SetRateAsync(LinkRate rate, CancellationToken ct)
    {
        foreach (var host in Hosts)
            (await host.RunAsync(TrafficShaping.Shape(VmLayout.LinkInterface, rate), ct)).EnsureSuccess();
        Rate = rate;
    }

    /// <summary>How long Up waits for both VMs' sshd: about 100 s on an idle machine, 9 minutes and more when others load its 2 cores.</summary>
    public static TimeSpan BootTimeout { get; set; } = TimeSpan.FromMinutes(20);

    public static async Task<VmLab> UpAsync(string name, ICommandRunner runner, ILog log, CancellationToken ct = default)
    {
        if (!LocalSystem.IsRoot) throw new InvalidOperationException("the VM lab needs root (image build, qemu's networking, state under /var/lib)");
        var layout = VmLayout.For(name);
        await VmTeardown.RunAsync(layout, log, CancellationToken.None);
        var lab = new VmLab(layout, runner, log);
        try
        {
            var image = await VmImageBuilder.EnsureAsync(runner, log, ct);
            await lab.CreateAsync(image, ct);
            return lab;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var consoles = lab.ConsoleTails();
            await VmTeardown.RunAsync(layout, log, CancellationToken.None);
            throw new InvalidOperationException($"VM lab {name}: {e.Message}{consoles}", e);
        }
        catch
        {
            await VmTeardown.RunAsync(layout, log, CancellationToken.None);
            throw;
        }
    }

    /// <summary>Attaches to a VM lab that an earlier `up` left running.</summary>
    public static VmLab Attach(string name, ICommandRunner runner, ILog log)
    {
        var layout = VmLayout.For(name);
        if (!Status(name).IsUp)
            throw new InvalidOperationException($"VM lab '{name}' is not up");
        return new VmLab(layout, runner, log);
    }

    /// <summary>Removes everything a VM lab of this name made; returns what it removed (empty: nothing existed).</summary>
    public static Task<IReadOnlyList<string>> DownAsync(string name, ILog log, CancellationToken ct = default) =>
        VmTeardown.RunAsync(VmLayout.For(name), log, ct);

    public static VmLabStatus Status(string name) => VmLabStatus.Read(VmLayout.For(name));

    public async ValueTask DisposeAsync() => await VmTeardown.RunAsync(Layout, log, CancellationToken.None);

    private async Task CreateAsync(VmImage image, CancellationToken ct)
    {
        EnsurePortsFree();
        foreach (var directory in VmLayout.VmNames.Select(Layout.DirectoryOf).Append(Layout.SshDirectory).Append(Layout.RunDirectory))
            Directory.CreateDirectory(directory);
        await RunAllAsync(VmKeys.Create(Layout), ct);
        await File.WriteAllLinesAsync(Layout.KnownHostsFile,
            Machines.Select(m => VmMachine.KnownHostsLine(m.Endpoint.Control, VmKeys.Read(Layout.HostKeyOf(m.Name)).PublicKey)), ct);
        foreach (var vm in VmLayout.VmNames)
        {
            await WriteSeedAsync(vm, ct);
            await RunAsync(QemuCommand.CreateOverlay(image, Layout.OverlayOf(vm)), ct);
        }

        var clock = Stopwatch.StartNew();
        log.Info($"vm lab {Layout.Name}: booting src and dst under TCG (ssh on 127.0.0.1:{Layout.SshPortOf("src")} and :{Layout.SshPortOf("dst")}; about 100 s)");
        foreach (var vm in VmLayout.VmNames) // src listens on the link socket, dst connects: src first
            await RunAsync(QemuCommand.Boot(Layout, image, vm), ct);
        await Task.WhenAll(Machines.Select(m => WaitForSshAsync(m, clock, ct)));
        log.Info($"vm lab {Layout.Name}: both VMs answer ssh after {clock.Elapsed.TotalSeconds:0} s");
        await CheckPeerSshAsync(ct);
        await File.WriteAllTextAsync(Layout.StateFile, JsonSerializer.Serialize(new { Layout.Name, image.Directory, UpAt = DateTimeOffset.UtcNow }), ct);
    }

    private async Task WriteSeedAsync(string vm, CancellationToken ct)
    {
        var peer = VmLayout.PeerOf(vm);
        var files = VmSeed.Files(vm, VmKeys.Read(Layout.HostKeyOf(vm)), VmKeys.Read(Layout.PeerKeyOf(vm)),
            File.ReadAllText(Layout.ControllerKey + ".pub"), VmKeys.Read(Layout.HostKeyOf(peer)).PublicKey,
            VmKeys.Read(Layout.PeerKeyOf(peer)).PublicKey);
        var directory = Layout.SeedDirectoryOf(vm);
        Directory.CreateDirectory(directory);
        foreach (var (file, content) in files)
        {
            var path = Path.Combine(directory, file);
            await File.WriteAllTextAsync(path, content, ct);
            if (OperatingSystem.IsLinux()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        await RunAsync(VmSeed.MakeDisk(directory, Layout.SeedImageOf(vm)), ct);
        Directory.Delete(directory, recursive: true); // the private keys stay only in the seed disk and ssh/
    }

    private async Task WaitForSshAsync(VmMachine machine, Stopwatch clock, CancellationToken ct)
    {
        var control = machine.Endpoint.Control;
        var probe = Command.Of("ssh", [.. control.SshOptions, "-o", "ConnectTimeout=10", control.Target, "true"]).WithTimeout(TimeSpan.FromSeconds(30));
        var nextReport = TimeSpan.FromSeconds(20);
        CommandResult? last = null;
        while (clock.Elapsed < BootTimeout)
        {
            if (!IsRunning(machine.Name))
                throw new InvalidOperationException($"the qemu of {machine.Name} exited during boot");
            try { last = await runner.RunAsync(probe, ct); }
            catch (TimeoutException) { last = null; }
            if (last is { Succeeded: true }) return;
            if (clock.Elapsed >= nextReport)
            {
                log.Info($"vm lab {Layout.Name}: {machine.Name} not answering ssh yet ({clock.Elapsed.TotalSeconds:0} s)");
                nextReport += TimeSpan.FromSeconds(20);
            }
            await Task.Delay(TimeSpan.FromSeconds(2), ct);
        }
        throw new TimeoutException($"{machine.Name} did not answer ssh within {BootTimeout.TotalSeconds:0} s ({last?.StandardError.Trim()})");
    }

    /// <summary>Each VM logs into the other over the direct link, host key checked: proves link, seeds and keys.</summary>
    private async Task CheckPeerSshAsync(CancellationToken ct)
    {
        foreach (var host in Hosts)
        {
            var peer = VmLayout.PeerOf(host.Name);
            var access = VmMachine.PeerAccess(peer);
            var result = await host.RunAsync(Command.Of("ssh", [.. access.SshOptions, "-o", "ConnectTimeout=20", access.Target, "hostname"]), ct);
            if (!result.Succeeded || result.StandardOutput.Trim() != peer)
                throw new InvalidOperationException($"{host.Name} cannot ssh to {peer} over the link: {result.StandardError.Trim()}");
        }
    }

    private bool IsRunning(string vm) =>
        VmLabStatus.ReadPid(Layout.PidFileOf(vm)) is { } pid && Directory.Exists($"/proc/{pid}");

    private void EnsurePortsFree()
    {
        foreach (var port in VmLayout.VmNames.Select(Layout.SshPortOf).Append(Layout.LinkPort))
        {
            try
            {
                var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                listener.Stop();
            }
            catch (SocketException)
            {
                throw new InvalidOperationException($"port 127.0.0.1:{port} is taken (VM lab ports derive from the name): choose another lab name");
            }
        }
    }

    private string ConsoleTails()
    {
        var text = new System.Text.StringBuilder();
        foreach (var vm in VmLayout.VmNames)
        {
            var file = Layout.ConsoleLogOf(vm);
            if (!File.Exists(file)) continue;
            text.Append($"\n--- last lines of {vm}'s console ---\n");
            text.AppendJoin('\n', File.ReadLines(file).TakeLast(15));
        }
        return text.ToString();
    }

    private async Task RunAllAsync(IEnumerable<Command> commands, CancellationToken ct)
    {
        foreach (var command in commands) await RunAsync(command, ct);
    }

    private async Task RunAsync(Command command, CancellationToken ct) => (await runner.RunAsync(command, ct)).EnsureSuccess();
}
