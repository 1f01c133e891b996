namespace CriuBench.Hosts.Vm;

/// <summary>
/// One VM of a lab as the rest of CriuBench sees it: how the controller reaches it
/// (<see cref="Control"/>, 127.0.0.1 and a forwarded port) and how its peer reaches it over the
/// direct link (<see cref="Peer"/>, 198.18.0.x:22, with key files that live inside the peer VM).
/// </summary>
public sealed record VmMachine(string Name, string LinkAddress, SshEndpoint Control, SshEndpoint Peer)
{
    public static VmMachine Of(VmLayout layout, string vm) => new(
        vm,
        VmLayout.LinkAddressOf(vm),
        new SshEndpoint(vm, "127.0.0.1", layout.SshPortOf(vm), VmLayout.User, layout.ControllerKey, layout.KnownHostsFile)
        {
            ControlDirectory = layout.ControlDirectory,
        },
        new SshEndpoint(vm, VmLayout.LinkAddressOf(vm), 22, VmLayout.User, VmLayout.GuestIdentityFile, VmLayout.GuestKnownHostsFile));
}
