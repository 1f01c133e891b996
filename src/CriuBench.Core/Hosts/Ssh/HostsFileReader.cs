using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CriuBench.Hosts.Ssh;

/// <summary>
/// Reads a hosts file (YAML) by hand from its nodes, so every error names the file, the line and
/// what to write instead. Paths on the controller may start with ~/ (the controller's home).
/// <code>
/// hosts:
///   - name: src
///     address: 192.0.2.7          # how the controller reaches it
///     port: 22                    # optional, 22
///     user: root                  # optional, root
///     identity: ~/.ssh/id_ed25519 # on the controller
///     known_hosts: ~/.ssh/known_hosts
///     peer:                       # how the OTHER host reaches this one
///       address: 10.0.0.7         # optional, the address above
///       identity: /root/.ssh/id_ed25519   # on the other host
///       known_hosts: /root/.ssh/known_hosts
/// </code>
/// </summary>
public static class HostsFileReader
{
    private static readonly string[] TopKeys = ["hosts", "work_dir", "client", "service"];
    private static readonly string[] ClientKeys = ["name", "address", "port", "user", "identity", "known_hosts"];
    private static readonly string[] ServiceKeys = ["address", "interface"];
    private static readonly string[] HostKeys = ["name", "address", "port", "user", "identity", "known_hosts", "peer"];
    private static readonly string[] PeerKeys = ["address", "port", "user", "identity", "known_hosts"];

    public static HostsFile Parse(string yaml, string source)
    {
        var stream = new YamlStream();
        try { stream.Load(new StringReader(yaml)); }
        catch (YamlException e) { throw new HostsFileException($"{source}:{e.Start.Line}: not valid YAML: {e.Message}"); }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new HostsFileException($"{source}:1: expected a mapping with 'hosts:' (a list of two hosts); see the README, \"Your own machines\"");

        var read = new Reader(source);
        read.RejectUnknownKeys(root, TopKeys, "top-level");
        if (read.Optional(root, "work_dir") is { } workDir && workDir.TrimEnd('/') != HostsFile.WorkDirectory)
            throw new HostsFileException($"{read.Where(read.Child(root, "work_dir")!)}: work_dir must be {HostsFile.WorkDirectory}: images and the workload's files keep their paths when they move, "
                + $"so every host uses that same directory; to keep them elsewhere, bind-mount your directory there (mount --bind {workDir} {HostsFile.WorkDirectory}) and drop work_dir");

        var list = read.Child(root, "hosts") switch
        {
            YamlSequenceNode sequence => sequence,
            null => throw new HostsFileException($"{read.Where(root)}: 'hosts' is missing: list the two hosts under it (- name: src ...)"),
            var other => throw new HostsFileException($"{read.Where(other)}: 'hosts' must be a list of two hosts (- name: src ...)"),
        };
        var hosts = list.Children.Select(node => ReadHost(read, node)).ToList();
        if (hosts.Count != 2)
            throw new HostsFileException($"{read.Where(list)}: 'hosts' lists {hosts.Count} host(s): list exactly two, the workload migrates back and forth between them");
        if (hosts[0].Name == hosts[1].Name)
            throw new HostsFileException($"{source}:{hosts[1].Line}: both hosts are named '{hosts[1].Name}': give each its own name");
        var (client, service) = (read.Child(root, "client"), read.Child(root, "service"));
        if ((client is null) != (service is null))
            throw new HostsFileException($"{read.Where(client ?? service!)}: service workloads need both 'client' (the host their clients run on) and 'service' (the floating address and its interface): give both, or neither");
        return new HostsFile(source, hosts)
        {
            Client = client is null ? null : ReadClient(read, client),
            Service = service is null ? null : ReadService(read, service),
        };
    }

    /// <summary>The client host: how the controller logs in; no peer, since no host logs in there.</summary>
    private static HostsFileEntry ReadClient(Reader read, YamlNode node)
    {
        if (node is not YamlMappingNode map)
            throw new HostsFileException($"{read.Where(node)}: 'client' is a mapping with keys {string.Join(", ", ClientKeys)}");
        read.RejectUnknownKeys(map, ClientKeys, "client");
        var control = new SshAccess(read.Optional(map, "user") ?? "root",
            read.Required(map, "address", "the host name or IP address the controller connects to"), read.Port(map) ?? 22,
            ExpandHome(read.Required(map, "identity", "the private key the controller logs in with, e.g. ~/.ssh/id_ed25519")),
            KnownHostsFile: ExpandHome(read.Required(map, "known_hosts", "the controller's known_hosts file holding the client's key")));
        return new HostsFileEntry(new SshEndpoint(read.Optional(map, "name") ?? "client", control, control), (int)map.Start.Line);
    }

    private static ServiceAddress ReadService(Reader read, YamlNode node)
    {
        if (node is not YamlMappingNode map)
            throw new HostsFileException($"{read.Where(node)}: 'service' is a mapping: service: {{address: 192.0.2.10, interface: eth0}}");
        read.RejectUnknownKeys(map, ServiceKeys, "service");
        var address = read.Required(map, "address", "the floating IPv4 address services bind to, which both hosts may carry");
        if (!System.Net.IPAddress.TryParse(address, out var ip) || ip.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork)
            throw new HostsFileException($"{read.Where(read.Child(map, "address")!)}: service address '{address}' is not an IPv4 address");
        return new ServiceAddress(address, read.Required(map, "interface", "the interface, on both hosts, that carries the address (e.g. eth0)"));
    }

    private static HostsFileEntry ReadHost(Reader read, YamlNode node)
    {
        if (node is not YamlMappingNode map)
            throw new HostsFileException($"{read.Where(node)}: a host is a mapping with keys {string.Join(", ", HostKeys)}");
        read.RejectUnknownKeys(map, HostKeys, "host");
        var name = read.Required(map, "name", "a short name for rows and logs, e.g. src");
        var address = read.Required(map, "address", "the host name or IP address the controller connects to");
        var port = read.Port(map) ?? 22;
        var user = read.Optional(map, "user") ?? "root";
        var identity = ExpandHome(read.Required(map, "identity", "the private key the controller logs in with, e.g. ~/.ssh/id_ed25519"));
        var knownHosts = ExpandHome(read.Required(map, "known_hosts", "the controller's known_hosts file holding this host's key, e.g. ~/.ssh/known_hosts"));

        var peerMap = read.Child(map, "peer") switch
        {
            YamlMappingNode mapping => mapping,
            null => throw new HostsFileException($"{read.Where(map)}: host '{name}' has no 'peer': say how the other host logs in here, "
                + "with 'identity' and 'known_hosts' (paths on the other host) and, if it differs, 'address'"),
            var other => throw new HostsFileException($"{read.Where(other)}: 'peer' must be a mapping with keys {string.Join(", ", PeerKeys)}"),
        };
        read.RejectUnknownKeys(peerMap, PeerKeys, "peer");
        var peer = new SshAccess(
            User: read.Optional(peerMap, "user") ?? user,
            Address: read.Optional(peerMap, "address") ?? address,
            Port: read.Port(peerMap) ?? port,
            IdentityFile: read.Required(peerMap, "identity", "the private key, on the other host, it logs in here with"),
            KnownHostsFile: read.Required(peerMap, "known_hosts", "the known_hosts file, on the other host, that holds this host's key"));
        var control = new SshAccess(user, address, port, identity, KnownHostsFile: knownHosts);
        return new HostsFileEntry(new SshEndpoint(name, control, peer), (int)map.Start.Line);
    }

    /// <summary>~/ on the controller: ssh would expand it too, but existence is checked here first.</summary>
    private static string ExpandHome(string path) =>
        path.StartsWith("~/", StringComparison.Ordinal)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), path[2..])
            : path;

    private sealed class Reader(string source)
    {
        public string Where(YamlNode node) => $"{source}:{node.Start.Line}";

        public void RejectUnknownKeys(YamlMappingNode map, string[] known, string what)
        {
            foreach (var key in map.Children.Keys)
            {
                if (key is not YamlScalarNode { Value: { } text })
                    throw new HostsFileException($"{Where(key)}: a {what} key must be a plain word: known keys are {string.Join(", ", known)}");
                if (!known.Contains(text))
                    throw new HostsFileException($"{Where(key)}: unknown {what} key '{text}': known keys are {string.Join(", ", known)}");
            }
        }

        public YamlNode? Child(YamlMappingNode map, string key) =>
            map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

        public string? Optional(YamlMappingNode map, string key) => Child(map, key) switch
        {
            null => null,
            YamlScalarNode { Value: { Length: > 0 } value } => value,
            var node => throw new HostsFileException($"{Where(node)}: '{key}' must be a single value, e.g. {key}: ..."),
        };

        public string Required(YamlMappingNode map, string key, string meaning) =>
            Optional(map, key) ?? throw new HostsFileException($"{Where(map)}: '{key}' is missing: {meaning}");

        public int? Port(YamlMappingNode map) => Optional(map, "port") is { } text
            ? int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536
                ? port
                : throw new HostsFileException($"{Where(Child(map, "port")!)}: 'port' must be a whole number from 1 to 65535, not '{text}'")
            : null;
    }
}
