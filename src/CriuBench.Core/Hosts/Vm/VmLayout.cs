using System.Globalization;
using System.Text.RegularExpressions;

namespace CriuBench.Hosts.Vm;

/// <summary>
/// Names, paths and ports of everything one VM lab creates, derived from its name alone, so
/// that `down` (or the next start after a crash) finds all of it without any saved state.
/// </summary>
public sealed partial record VmLayout(string Name)
{
    public static readonly string[] VmNames = ["src", "dst"];

    public const string StateRoot = "/var/lib/criubench/vms";
    public const string RunRoot = "/run/criubench/vms";

    /// <summary>The user CriuBench logs in as, on the controller's and the peer's side.</summary>
    public const string User = "root";

    public static VmLayout For(string name)
    {
        if (!NamePattern().IsMatch(name))
            throw new ArgumentException($"VM lab name '{name}' must be 1-8 lowercase letters or digits, starting with a letter");
        return new VmLayout(name);
    }

    public string StateDirectory => $"{StateRoot}/{Name}";
    public string RunDirectory => $"{RunRoot}/{Name}";
    public string SshDirectory => $"{StateDirectory}/ssh";
    public string StateFile => $"{StateDirectory}/lab.json";

    /// <summary>The controller's key for logging into both VMs.</summary>
    public string ControllerKey => $"{SshDirectory}/controller_ed25519";

    /// <summary>The controller's known_hosts: exactly the VMs' host keys, as [127.0.0.1]:port.</summary>
    public string KnownHostsFile => $"{SshDirectory}/known_hosts";

    /// <summary>ssh's ControlMaster sockets (a new connection costs about 2.3 s under TCG).</summary>
    public string ControlDirectory => RunDirectory;

    public string DirectoryOf(string vm) => $"{StateDirectory}/{vm}";
    public string OverlayOf(string vm) => $"{DirectoryOf(vm)}/overlay.qcow2";
    public string SeedImageOf(string vm) => $"{DirectoryOf(vm)}/seed.img";
    public string SeedDirectoryOf(string vm) => $"{DirectoryOf(vm)}/seed";
    public string ConsoleLogOf(string vm) => $"{DirectoryOf(vm)}/console.log";
    public string HostKeyOf(string vm) => $"{SshDirectory}/{vm}_host_ed25519";
    public string PeerKeyOf(string vm) => $"{SshDirectory}/{vm}_peer_ed25519";
    public string PidFileOf(string vm) => $"{RunDirectory}/{vm}.pid";

    /// <summary>
    /// Ports on 127.0.0.1: each VM's forwarded sshd and the socket joining the two VMs. They
    /// derive from the name (a stable hash, not string.GetHashCode), so two VM labs do not collide.
    /// </summary>
    public int BasePort => 20000 + (int)(Fnv1a(Name) % 2000) * 4;
    public int SshPortOf(string vm) => BasePort + Index(vm);
    public int LinkPort => BasePort + 2;

    /// <summary>Inside the VMs: the direct link's addresses (198.18.0.0/15 is reserved for benchmarking).</summary>
    public static string LinkAddressOf(string vm) => Index(vm) == 0 ? "198.18.0.1" : "198.18.0.2";

    public const int LinkPrefixLength = 24;

    /// <summary>Inside the VMs: the direct link's interface, renamed by the seed so tc can name it.</summary>
    public const string LinkInterface = "cblink";

    /// <summary>QEMU's user-mode network gives the guest this address and gateway.</summary>
    public const string ControlAddress = "10.0.2.15/24";
    public const string ControlGateway = "10.0.2.2";

    /// <summary>Fixed MACs: the seed script finds each interface by its MAC, never by its probe order.</summary>
    public static string ControlMacOf(string vm) => $"52:54:00:cb:00:0{Index(vm) + 1}";
    public static string LinkMacOf(string vm) => $"52:54:00:cb:01:0{Index(vm) + 1}";

    /// <summary>Paths inside the VMs that the seed fills, for VM-to-VM ssh.</summary>
    public const string GuestIdentityFile = "/root/.ssh/id_ed25519";
    public const string GuestKnownHostsFile = "/root/.ssh/known_hosts";

    public static string PeerOf(string vm) => VmNames[1 - Index(vm)];

    private static int Index(string vm) => Array.IndexOf(VmNames, vm) switch
    {
        -1 => throw new ArgumentException($"unknown VM '{vm}' (expected {string.Join(" or ", VmNames)})"),
        var i => i,
    };

    private static uint Fnv1a(string text)
    {
        var hash = 2166136261u;
        foreach (var b in System.Text.Encoding.UTF8.GetBytes(text)) hash = (hash ^ b) * 16777619u;
        return hash;
    }

    public override string ToString() => Name;

    internal static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex("^[a-z][a-z0-9]{0,7}$")]
    private static partial Regex NamePattern();
}
