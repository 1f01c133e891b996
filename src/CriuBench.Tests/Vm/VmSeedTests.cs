using CriuBench.Hosts.Vm;

namespace CriuBench.Tests.Vm;

[Trait("Category", "Unit")]
public class VmSeedTests
{
    private static readonly SshKeyPair HostKey = new("HOST-PRIVATE\n", "ssh-ed25519 HOSTSRC root@src\n");
    private static readonly SshKeyPair PeerClient = new("CLIENT-PRIVATE\n", "ssh-ed25519 CLIENTSRC root@src\n");

    private static IReadOnlyDictionary<string, string> SrcSeed() =>
        VmSeed.Files("src", HostKey, PeerClient, "ssh-ed25519 CONTROLLER criubench\n", "ssh-ed25519 HOSTDST root@dst\n", "ssh-ed25519 CLIENTDST root@dst\n");

    [Fact]
    public void The_seed_names_the_vm_and_its_addresses_and_finds_interfaces_by_mac()
    {
        var conf = SrcSeed()["seed.conf"];
        Assert.Contains("hostname=src\n", conf);
        Assert.Contains("link_address=198.18.0.1/24\n", conf);
        Assert.Contains($"link_mac={VmLayout.LinkMacOf("src")}\n", conf);
        Assert.Contains($"control_mac={VmLayout.ControlMacOf("src")}\n", conf);
        Assert.NotEqual(VmLayout.LinkMacOf("src"), VmLayout.LinkMacOf("dst"));
    }

    [Fact]
    public void The_vm_gets_its_own_host_key_and_trusts_only_the_controller_and_its_peer()
    {
        var seed = SrcSeed();
        Assert.Equal("HOST-PRIVATE\n", seed["ssh_host_ed25519_key"]);
        Assert.Equal("ssh-ed25519 CONTROLLER criubench\nssh-ed25519 CLIENTDST root@dst\n", seed["authorized_keys"]);
        Assert.Equal("CLIENT-PRIVATE\n", seed["id_ed25519"]);
    }

    [Fact]
    public void Known_hosts_pins_the_peers_host_key_by_address_and_by_name()
    {
        Assert.Equal("198.18.0.2 ssh-ed25519 HOSTDST\ndst ssh-ed25519 HOSTDST\n", SrcSeed()["known_hosts"]);
        Assert.Contains("198.18.0.1 src\n", SrcSeed()["hosts"]);
    }

    [Fact]
    public void The_seed_disk_is_an_ext4_image_made_from_the_directory_with_a_label_the_vm_looks_for()
    {
        var command = VmSeed.MakeDisk("/s/seed", "/s/seed.img");
        Assert.Equal("mkfs.ext4", command.Program);
        Assert.Equal(["-q", "-F", "-L", "cbseed", "-d", "/s/seed", "/s/seed.img", "8M"], command.Arguments);
    }
}
