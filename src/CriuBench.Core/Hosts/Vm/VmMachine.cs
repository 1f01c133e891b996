using CriuBench.Hosts.Ssh;

namespace CriuBench.Hosts.Vm;

/// <summary>
/// One VM of a lab as the rest of CriuBench sees it: its ssh endpoint, whose Control is how the
/// controller reaches it (127.0.0.1 and a forwarded port; key and known_hosts on the controller)
/// and whose Peer is how the other VM reaches it over the direct link (198.18.0.x:22; key and
/// known_hosts inside the other VM). Host keys are checked both ways.
/// </summary>
public sealed record VmMachine(string Name, string LinkAddress, SshEndpoint Endpoint)
{
    public static VmMachine Of(VmLayout layout, string vm) => new(vm, VmLayout.LinkAddressOf(vm), new SshEndpoint(vm,
        Control: new SshAccess(VmLayout.User, "127.0.0.1", layout.SshPortOf(vm), layout.ControllerKey,
            ControlDirectory: layout.ControlDirectory, KnownHostsFile: layout.KnownHostsFile),
        Peer: PeerAccess(vm)));

    /// <summary>How the other VM logs into <paramref name="vm"/>: the files named here are inside the other VM.</summary>
    public static SshAccess PeerAccess(string vm) =>
        new(VmLayout.User, VmLayout.LinkAddressOf(vm), 22, VmLayout.GuestIdentityFile, KnownHostsFile: VmLayout.GuestKnownHostsFile);

    /// <summary>One known_hosts line for <paramref name="access"/>'s host, from its public key file's content (comment dropped).</summary>
    public static string KnownHostsLine(SshAccess access, string publicKey) =>
        $"{access.KnownHostsName} {string.Join(' ', publicKey.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(2))}";
}
