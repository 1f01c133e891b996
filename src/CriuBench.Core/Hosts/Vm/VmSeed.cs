using CriuBench.Execution;

namespace CriuBench.Hosts.Vm;

/// <summary>The public and private halves of one ed25519 key, as ssh-keygen wrote them.</summary>
public sealed record SshKeyPair(string PrivateKey, string PublicKey);

/// <summary>
/// A VM's own configuration, on a small ext4 disk beside the shared base image: the image's
/// criubench-seed unit (scripts/vm/criubench-seed) applies it at boot, before sshd starts.
/// </summary>
public static class VmSeed
{
    /// <summary>The seed disk's files and their content. Pure: the keys are given, not made here.</summary>
    public static IReadOnlyDictionary<string, string> Files(
        string vm, SshKeyPair hostKey, SshKeyPair clientKey, string controllerPublicKey, string peerHostPublicKey, string peerClientPublicKey)
    {
        var peer = VmLayout.PeerOf(vm);
        var peerAccess = VmMachine.PeerAccess(peer);
        return new Dictionary<string, string>
        {
            ["seed.conf"] = string.Join('\n',
                $"hostname={vm}",
                $"control_mac={VmLayout.ControlMacOf(vm)}",
                $"control_address={VmLayout.ControlAddress}",
                $"control_gateway={VmLayout.ControlGateway}",
                $"link_mac={VmLayout.LinkMacOf(vm)}",
                $"link_address={VmLayout.LinkAddressOf(vm)}/{VmLayout.LinkPrefixLength}") + "\n",
            ["hosts"] = string.Join('\n', VmLayout.VmNames.Select(name => $"{VmLayout.LinkAddressOf(name)} {name}")) + "\n",
            ["ssh_host_ed25519_key"] = hostKey.PrivateKey,
            ["ssh_host_ed25519_key.pub"] = hostKey.PublicKey,
            // The controller, and the peer VM with its own client key.
            ["authorized_keys"] = controllerPublicKey.Trim() + "\n" + peerClientPublicKey.Trim() + "\n",
            // This VM's key for logging into its peer.
            ["id_ed25519"] = clientKey.PrivateKey,
            ["id_ed25519.pub"] = clientKey.PublicKey,
            // The peer by address and by name, so `ssh dst` works as well as `ssh 198.18.0.2`.
            ["known_hosts"] = VmMachine.KnownHostsLine(peerAccess, peerHostPublicKey) + "\n"
                + VmMachine.KnownHostsLine(peerAccess with { Address = peer }, peerHostPublicKey) + "\n",
        };
    }

    /// <summary>A disk of <paramref name="megabytes"/> MiB holding <paramref name="directory"/>, labelled cbseed.</summary>
    public static Command MakeDisk(string directory, string image, int megabytes = 8) =>
        Command.Of("mkfs.ext4", "-q", "-F", "-L", "cbseed", "-d", directory, image, $"{VmLayout.Text(megabytes)}M");
}
