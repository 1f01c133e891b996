using System.Text.RegularExpressions;

namespace CriuBench.Hosts.Lab;

/// <summary>
/// Names and paths of everything one lab creates, derived from its name alone, so that
/// `lab down` (or the next start after a crash) finds all of it without any saved state.
/// </summary>
public sealed partial record LabLayout(string Name)
{
    public static readonly string[] HostNames = ["src", "dst"];

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

    [GeneratedRegex("^[a-z][a-z0-9]{0,7}$")]
    private static partial Regex NamePattern();
}
