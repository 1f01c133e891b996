using CriuBench.Execution;
using CriuBench.Logging;
using CriuBench.Vocabulary;

namespace CriuBench.Hosts.Ssh;

/// <summary>
/// Hosts the user already has, named in a hosts file. Before anything runs on them, every host
/// key is checked against its known_hosts file, controller to host and host to host; an unknown
/// one is refused with the command that adds it. Then every login is tried, leftovers of earlier
/// runs are removed, and the workloads' programs are copied (<see cref="HostAssets"/>).
/// </summary>
public sealed class SshHostProvider(HostsFile hostsFile, ICommandRunner runner) : IHostProvider
{
    public const string HostKind = "ssh";

    /// <summary>Where each host keeps the sockets of its reused connections to the other.</summary>
    public const string PeerControlDirectory = HostPaths.Disk + "/ssh-control";

    public string Name => hostsFile.Path;
    public string Kind => HostKind;
    public bool CanShapeLink => false;
    public HostsFile File => hostsFile;

    public static SshHostProvider Load(string path, ICommandRunner runner) => new(HostsFile.Load(path), runner);

    public async Task<IHostSet> UpAsync(LinkRate rate, ILog log, CancellationToken ct)
    {
        await CheckControllerFilesAsync(ct);
        // Short: ssh adds ~60 characters to it for a socket path, which must stay under 108.
        var controlDirectory = Directory.CreateDirectory($"/run/criubench/ssh{Environment.ProcessId}-{Guid.NewGuid():N}"[..32]).FullName;
        var hosts = File.Hosts.Select(entry => new SshHost(entry.Endpoint with
        {
            Control = entry.Endpoint.Control with { ControlDirectory = controlDirectory },
            Peer = entry.Endpoint.Peer with { ControlDirectory = PeerControlDirectory },
        }, HostKind, runner)).ToList();
        var client = File.Client is { } entry ? new SshHost(entry.Endpoint with
        {
            Control = entry.Endpoint.Control with { ControlDirectory = controlDirectory },
            Peer = entry.Endpoint.Peer with { ControlDirectory = controlDirectory },
        }, HostKind, runner) : null;
        var set = new SshHostSet(hosts, controlDirectory, log, client, File.Service);
        try
        {
            foreach (var host in hosts) await LoginAsync(host, ct);
            foreach (var (from, to) in set.Pairs()) await CheckPeerKeyAsync(from, to, ct);
            await set.CleanAsync(ct);
            foreach (var host in hosts) await host.MakeDirectoryAsync(PeerControlDirectory, ct);
            foreach (var (from, to) in set.Pairs()) await PeerLoginAsync(from, to, ct);
            if (client is not null) await LoginAsync(client, ct);
            await HostAssets.InstallAsync(client is null ? hosts : [.. hosts, client], ct);
            await set.PlaceServiceAddressAsync(ct);
            log.Info($"ssh hosts {string.Join(" and ", hosts.Select(h => $"{h.Name} ({h.Control.Target}:{h.Control.Port})"))} ready");
            return set;
        }
        catch
        {
            await set.DisposeAsync();
            throw;
        }
    }

    /// <summary>The controller's key and known_hosts files exist, and list every host, before any connection.</summary>
    private async Task CheckControllerFilesAsync(CancellationToken ct)
    {
        foreach (var entry in File.Client is { } client ? [.. File.Hosts, client] : File.Hosts)
        {
            var control = entry.Endpoint.Control;
            if (!System.IO.File.Exists(control.IdentityFile))
                throw new HostsFileException($"{File.Path}:{entry.Line}: host '{entry.Name}': identity {control.IdentityFile} does not exist on the controller: "
                    + $"make a key with `ssh-keygen -t ed25519 -N '' -f {control.IdentityFile}` and add its .pub to {control.User}'s ~/.ssh/authorized_keys on {control.Address}");
            var lookup = await runner.RunAsync(KnownHosts.Lookup(control), ct);
            if (!lookup.Succeeded)
                throw new HostsFileException($"{File.Path}:{entry.Line}: host '{entry.Name}': {KnownHosts.Unknown(control, "on the controller")}");
        }
    }

    private static async Task LoginAsync(SshHost host, CancellationToken ct)
    {
        var result = await host.RunAsync(Command.Of("true").WithTimeout(TimeSpan.FromSeconds(30)), ct);
        if (!result.Succeeded)
            throw new InvalidOperationException($"the controller cannot log in to {host.Name} ({host.Control.Target} port {host.Control.Port}): {result.StandardError.Trim()}; "
                + $"check that {host.Control.IdentityFile}.pub is in {host.Control.User}'s ~/.ssh/authorized_keys there");
    }

    /// <summary>The host's known_hosts (on the host) lists the other host as it reaches it.</summary>
    private static async Task CheckPeerKeyAsync(SshHost from, SshHost to, CancellationToken ct)
    {
        var lookup = await from.RunAsync(KnownHosts.Lookup(to.Ssh), ct);
        if (!lookup.Succeeded)
            throw new InvalidOperationException($"{from.Name} cannot check {to.Name}'s host key: {KnownHosts.Unknown(to.Ssh, $"on {from.Name}")}");
    }

    private static async Task PeerLoginAsync(SshHost from, SshHost to, CancellationToken ct)
    {
        var probe = Command.Of("ssh", [.. to.Ssh.SshOptions, "-o", "ConnectTimeout=10", to.Ssh.Target, "true"]).WithTimeout(TimeSpan.FromSeconds(30));
        var result = await from.RunAsync(probe, ct);
        if (!result.Succeeded)
            throw new InvalidOperationException($"{from.Name} cannot log in to {to.Name} ({to.Ssh.Target} port {to.Ssh.Port}) with {to.Ssh.IdentityFile}: "
                + $"{result.StandardError.Trim()}; add that key's .pub (on {from.Name}) to {to.Ssh.User}'s ~/.ssh/authorized_keys on {to.Name}");
    }
}
