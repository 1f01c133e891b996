using CriuBench.Execution;

namespace CriuBench.Hosts.Lab;

/// <summary>
/// The lab's service network, apart from the shaped src-dst link: a bridge in the switch's own
/// namespace with one port per host (src, dst and the client) and one for the service interface,
/// a veth end that carries the service address on the workload's current host. Moving that end
/// to the other host's namespace keeps its MAC and its bridge port, so clients need no ARP update
/// (measured by hand, ENVIRONMENT.md). In src and dst, arp_ignore=1 keeps a host's own port from
/// answering ARP for the service address, and arp_announce=2 keeps the ARP requests it sends
/// for a reply from the service address from naming that address at the port's MAC (the client
/// learned it and lost the service after the move); rp_filter=0 lets a reply leave by the host's
/// port while the requests arrive on the service interface.
/// </summary>
internal static class LabServiceNetwork
{
    public static IEnumerable<Command> Create(LabLayout layout)
    {
        var @switch = layout.SwitchNamespace;
        yield return Command.Of("ip", "netns", "add", @switch);
        yield return Command.Of("ip", "netns", "add", layout.NetworkNamespace(LabLayout.ClientName));
        yield return Command.Of("ip", "-n", @switch, "link", "add", layout.Bridge, "type", "bridge");
        yield return Command.Of("ip", "-n", @switch, "link", "set", layout.Bridge, "up");
        foreach (var host in LabLayout.HostNames)
            yield return Command.Of("sysctl", "-q", "-w", "net.ipv4.conf.all.arp_ignore=1", "net.ipv4.conf.all.arp_announce=2", "net.ipv4.conf.all.rp_filter=0", "net.ipv4.conf.default.rp_filter=0")
                .RunBy("ip", "netns", "exec", layout.NetworkNamespace(host));
        foreach (var host in LabLayout.AllHostNames)
        {
            var ns = layout.NetworkNamespace(host);
            var device = layout.ServiceNetworkInterface(host);
            foreach (var command in Port(layout, device, layout.BridgePort(host), ns))
                yield return command;
            yield return Command.Of("ip", "-n", ns, "addr", "add", $"{LabLayout.ServiceNetworkAddressOf(host)}/{LabLayout.PrefixLength}", "dev", device);
            yield return Command.Of("ip", "-n", ns, "link", "set", "lo", "up");
            yield return Command.Of("ip", "-n", ns, "link", "set", device, "up");
        }
        var source = layout.NetworkNamespace(LabLayout.HostNames[0]);
        foreach (var command in Port(layout, layout.ServiceInterface, layout.ServiceBridgePort, source))
            yield return command;
        foreach (var command in Carry(layout, source))
            yield return command;
    }

    /// <summary>
    /// Inside the stop window: the service interface leaves <paramref name="fromNamespace"/> (its
    /// address goes with the move) and comes up with the address in <paramref name="toNamespace"/>.
    /// </summary>
    public static IEnumerable<Command> Move(LabLayout layout, string fromNamespace, string toNamespace) =>
        Carry(layout, toNamespace).Prepend(Command.Of("ip", "-n", fromNamespace, "link", "set", layout.ServiceInterface, "netns", toNamespace));

    private static IEnumerable<Command> Carry(LabLayout layout, string ns)
    {
        // One ip for both: a batch runs them in the namespace without a second process start.
        yield return Command.Of("ip", "-n", ns, "-batch", "-") with
        {
            StandardInput = $"addr add {LabLayout.ServiceAddress}/32 dev {layout.ServiceInterface}\nlink set {layout.ServiceInterface} up\n",
        };
    }

    /// <summary>No TCP reset from the service address leaves <paramref name="ns"/> (<see cref="IServiceNetwork.HoldResetsAsync"/>).</summary>
    public static Command HoldResets(string ns) => ResetRule(ns, "-I");

    public static Command ReleaseResets(string ns) => ResetRule(ns, "-D");

    private static Command ResetRule(string ns, string action) =>
        Command.Of("iptables", "-w", action, "OUTPUT", "-s", $"{LabLayout.ServiceAddress}/32", "-p", "tcp", "--tcp-flags", "RST", "RST", "-j", "DROP")
            .RunBy("ip", "netns", "exec", ns);

    /// <summary>A veth pair: <paramref name="device"/> into <paramref name="ns"/>, its peer a port of the bridge.</summary>
    private static IEnumerable<Command> Port(LabLayout layout, string device, string port, string ns)
    {
        yield return Command.Of("ip", "link", "add", device, "type", "veth", "peer", "name", port);
        yield return Command.Of("ip", "link", "set", device, "netns", ns);
        yield return Command.Of("ip", "link", "set", port, "netns", layout.SwitchNamespace);
        yield return Command.Of("ip", "-n", layout.SwitchNamespace, "link", "set", port, "master", layout.Bridge, "up");
    }

    public static IEnumerable<Command> Delete(LabLayout layout) =>
        [Command.Of("ip", "netns", "delete", layout.NetworkNamespace(LabLayout.ClientName)), Command.Of("ip", "netns", "delete", layout.SwitchNamespace)];
}
