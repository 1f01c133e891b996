using CriuBench.Execution;

namespace CriuBench.Hosts.Vm;

/// <summary>
/// Every key a VM lab uses is made on the controller, fresh per lab: the controller's client key,
/// each VM's host key (so the controller's known_hosts is exact) and each VM's client key for its peer.
/// </summary>
public static class VmKeys
{
    public static IEnumerable<Command> Create(VmLayout layout)
    {
        yield return Generate(layout.ControllerKey, $"criubench-{layout.Name}-controller");
        foreach (var vm in VmLayout.VmNames)
        {
            yield return Generate(layout.HostKeyOf(vm), $"root@{vm}");
            yield return Generate(layout.PeerKeyOf(vm), $"root@{vm}");
        }
    }

    public static SshKeyPair Read(string privateKeyFile) =>
        new(File.ReadAllText(privateKeyFile), File.ReadAllText(privateKeyFile + ".pub"));

    private static Command Generate(string file, string comment) =>
        Command.Of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", comment, "-f", file);
}
