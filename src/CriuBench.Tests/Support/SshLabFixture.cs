using System.Globalization;
using CriuBench.Execution;
using CriuBench.Hosts;
using CriuBench.Hosts.Lab;

namespace CriuBench.Tests.Support;

/// <summary>
/// A netns lab whose two hosts the controller can reach ONLY through ssh, as if they were remote
/// machines: a veth from the root namespace into each host, with its own 198.19.x.y /30, and a
/// second sshd per host listening there with a host key the lab does not know. The hosts still
/// reach each other over the lab link (198.18.0.x) with the lab's own keys. Everything lives in
/// the lab's namespaces and directories, so the lab's teardown removes it.
/// </summary>
public abstract class SshLabFixture(string name) : LabFixture(name)
{
    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory($"criubench-{name}-").FullName;

    /// <summary>The key of the sshds the controller talks to, known to the tests exactly.</summary>
    public string ControlHostKey => Path.Combine(Directory, "control_host_key");

    /// <summary>A known_hosts file (on the controller) that lists both hosts' control addresses.</summary>
    public string KnownHostsFile => Path.Combine(Directory, "known_hosts");

    public string ControlAddress(string host) => Address(host, 2);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await RunAsync(Command.Of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", ControlHostKey));
        foreach (var host in Lab.Hosts)
        {
            var (outside, inside) = ($"cbr-{Name}-{host.Name[0]}", $"cbc-{Name}-{host.Name[0]}");
            await RunAsync(Command.Of("ip", "link", "add", outside, "type", "veth", "peer", "name", inside));
            await RunAsync(Command.Of("ip", "link", "set", inside, "netns", Lab.Layout.NetworkNamespace(host.Name)));
            await RunAsync(Command.Of("ip", "addr", "add", $"{Address(host.Name, 1)}/30", "dev", outside));
            await RunAsync(Command.Of("ip", "link", "set", outside, "up"));
            await host.RunCheckedAsync(Command.Of("ip", "addr", "add", $"{ControlAddress(host.Name)}/30", "dev", inside));
            await host.RunCheckedAsync(Command.Of("ip", "link", "set", inside, "up"));
            var config = Path.Combine(Directory, $"sshd-{host.Name}.conf");
            await File.WriteAllTextAsync(config, $"""
                ListenAddress {ControlAddress(host.Name)}
                HostKey {ControlHostKey}
                AuthorizedKeysFile {Lab.Layout.SshDirectory}/authorized_keys
                PidFile {Directory}/sshd-{host.Name}.pid
                PermitRootLogin prohibit-password
                PasswordAuthentication no
                KbdInteractiveAuthentication no
                UsePAM no
                StrictModes no
                UseDNS no
                MaxStartups 100

                """);
            await host.RunCheckedAsync(Command.Of("/usr/sbin/sshd", "-f", config, "-E", Path.Combine(Directory, $"sshd-{host.Name}.log")));
        }
        var key = (await File.ReadAllTextAsync(ControlHostKey + ".pub")).Trim();
        await File.WriteAllTextAsync(KnownHostsFile, string.Concat(Lab.Hosts.Select(host => $"{ControlAddress(host.Name)} {key}\n")));
        await WaitForSshdAsync();
    }

    /// <summary>
    /// A hosts file for the two hosts: the controller logs in at their control addresses with the
    /// lab's key; each host reaches the other across the lab link with the lab's key and known_hosts.
    /// </summary>
    public string WriteHostsFile(string path, string? controllerKnownHosts = null, string? peerKnownHosts = null)
    {
        var yaml = "hosts:\n" + string.Concat(Lab.Hosts.Select(host => $"""
              - name: {host.Name}
                address: {ControlAddress(host.Name)}
                identity: {Lab.Layout.ClientKey}
                known_hosts: {controllerKnownHosts ?? KnownHostsFile}
                peer:
                  address: {LabLayout.AddressOf(host.Name)}
                  identity: {Lab.Layout.ClientKey}
                  known_hosts: {peerKnownHosts ?? Lab.Layout.SshDirectory + "/known_hosts"}

            """));
        File.WriteAllText(path, yaml);
        return path;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        System.IO.Directory.Delete(Directory, recursive: true);
    }

    /// <summary>sshd daemonizes before it listens.</summary>
    private async Task WaitForSshdAsync()
    {
        foreach (var host in Lab.Hosts)
        {
            var access = new SshAccess("root", ControlAddress(host.Name), 22, Lab.Layout.ClientKey, KnownHostsFile: KnownHostsFile);
            CommandResult? last = null;
            for (var attempt = 0; attempt < 50 && last is not { Succeeded: true }; attempt++)
            {
                if (attempt > 0) await Task.Delay(100);
                last = await ProcessRunner.Instance.RunAsync(Command.Of("ssh", [.. access.SshOptions, "-o", "ConnectTimeout=2", access.Target, "true"]));
            }
            if (last is { Succeeded: false }) throw new InvalidOperationException($"control sshd of {host.Name} does not answer: {last.StandardError}");
        }
    }

    /// <summary>
    /// A /30 of 198.19.0.0/16 per lab and host, from a hash of both: the root namespace is shared
    /// by every lab on the machine, so each lab's control links need their own addresses.
    /// </summary>
    private string Address(string host, int last)
    {
        var hash = 2166136261u;
        foreach (var c in $"{Name}/{host}") hash = (hash ^ c) * 16777619u;
        var block = (int)(hash % 16383 + 1) * 4 + last;
        return string.Create(CultureInfo.InvariantCulture, $"198.19.{block / 256}.{block % 256}");
    }

    private static async Task RunAsync(Command command) => (await ProcessRunner.Instance.RunAsync(command)).EnsureSuccess();
}
