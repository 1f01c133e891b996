using System.Text.RegularExpressions;

namespace CriuBench.Hosts.Lab;

/// <summary>
/// Names and paths of everything one lab creates, derived from its name alone, so that
/// `lab down` (or the next start after a crash) finds all of it without any saved state.
/// </summary>
public sealed partial record LabLayout(string Name)
{
    /// <summary>The hosts workloads migrate between.</summary>
    public static readonly string[] HostNames = ["src", "dst"];

    /// <summary>The third host, where service workloads' clients run; never migrated to or from.</summary>
    public const string ClientName = "client";

    /// <summary>Every host the lab makes: the migration hosts and the client.</summary>
    public static readonly string[] AllHostNames = [.. HostNames, ClientName];

    public const string StateRoot = "/var/lib/criubench/labs";
    public const string RunRoot = "/run/criubench";

    public static LabLayout For(string name)
    {
        if (!NamePattern().IsMatch(name))
            throw new ArgumentException($"lab name '{name}' must be 1-8 lowercase letters or digits, starting with a letter (it becomes part of interface names)");
        return new LabLayout(name);
    }

    public string StateDirectory => $"{StateRoot}/{Name}";
    public string RunDirectory => $"{RunRoot}/{Name}";
    public string SshDirectory => $"{StateDirectory}/ssh";
    public string ClientKey => $"{SshDirectory}/id_ed25519";
    public string StateFile => $"{StateDirectory}/lab.json";

    public string DiskOf(string host) => $"{StateDirectory}/{host}/disk";
    public string NetworkNamespace(string host) => $"cb-{Name}-{host}";
    public string NetworkNamespaceFile(string host) => $"/run/netns/{NetworkNamespace(host)}";
    public string MountNamespaceFile(string host) => $"{RunDirectory}/{host}.mnt";
    public string Interface(string host) => $"cb-{Name}-{host[0]}";

    /// <summary>198.18.0.0/15 is reserved for benchmarking (RFC 2544); each lab's hosts are isolated, so labs may share it.</summary>
    public static string AddressOf(string host) => host == "src" ? "198.18.0.1" : "198.18.0.2";

    public const int PrefixLength = 24;

    /// <summary>The switch's own network namespace, holding the bridge every host's service-network interface is a port of.</summary>
    public string SwitchNamespace => $"cb-{Name}-sw";
    public string Bridge => $"cb-{Name}-br";

    /// <summary>A host's interface on the service network (unshaped), and its peer, the bridge's port.</summary>
    public string ServiceNetworkInterface(string host) => $"cb-{Name}-{host[0]}l";
    public string BridgePort(string host) => $"cb-{Name}-{host[0]}lb";

    /// <summary>The service interface: one veth end carrying the service address, moved between hosts; its peer stays a bridge port.</summary>
    public string ServiceInterface => $"cb-{Name}-v";
    public string ServiceBridgePort => $"cb-{Name}-vb";

    /// <summary>The service network, 198.19.0.0/24, apart from the shaped link: clients' traffic is not the migration's.</summary>
    public static string ServiceNetworkAddressOf(string host) => host switch { "src" => "198.19.0.1", "dst" => "198.19.0.2", _ => "198.19.0.3" };

    public const string ServiceAddress = "198.19.0.10";

    [GeneratedRegex("^[a-z][a-z0-9]{0,7}$")]
    private static partial Regex NamePattern();
}
