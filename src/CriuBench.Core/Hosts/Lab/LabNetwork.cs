using CriuBench.Execution;
using CriuBench.Vocabulary;

namespace CriuBench.Hosts.Lab;

/// <summary>The two network namespaces and the veth pair between them.</summary>
internal static class LabNetwork
{
    public static IEnumerable<Command> Create(LabLayout layout)
    {
        var (a, b) = (LabLayout.HostNames[0], LabLayout.HostNames[1]);
        foreach (var host in LabLayout.HostNames)
            yield return Command.Of("ip", "netns", "add", layout.NetworkNamespace(host));
        yield return Command.Of("ip", "link", "add", layout.Interface(a), "type", "veth", "peer", "name", layout.Interface(b));
        foreach (var host in LabLayout.HostNames)
        {
            var ns = layout.NetworkNamespace(host);
            var device = layout.Interface(host);
            yield return Command.Of("ip", "link", "set", device, "netns", ns);
            yield return Command.Of("ip", "-n", ns, "addr", "add", $"{LabLayout.AddressOf(host)}/{LabLayout.PrefixLength}", "dev", device);
            yield return Command.Of("ip", "-n", ns, "link", "set", "lo", "up");
            yield return Command.Of("ip", "-n", ns, "link", "set", device, "up");
        }
    }

    /// <summary>Shapes both directions: each end's egress.</summary>
    public static IEnumerable<Command> Shape(LabLayout layout, LinkRate rate) =>
        LabLayout.HostNames.Select(host =>
            TrafficShaping.Shape(layout.Interface(host), rate).RunBy("ip", "netns", "exec", layout.NetworkNamespace(host)));

    public static IEnumerable<Command> Delete(LabLayout layout) =>
        LabLayout.HostNames.Select(host => Command.Of("ip", "netns", "delete", layout.NetworkNamespace(host))).Concat(LabServiceNetwork.Delete(layout));
}
