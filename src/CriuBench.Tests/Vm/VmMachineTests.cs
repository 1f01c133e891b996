using CriuBench.Hosts;
using CriuBench.Hosts.Vm;
using CriuBench.Hosts.Kinds;

namespace CriuBench.Tests.Vm;

[Trait("Category", "Unit")]
public class VmMachineTests
{
    [Fact]
    public void Each_vm_is_reached_from_the_controller_on_its_forwarded_port_and_from_its_peer_on_the_link()
    {
        var layout = VmLayout.For("v1");
        var endpoint = VmMachine.Of(layout, "dst").Endpoint;
        Assert.Equal(("127.0.0.1", layout.SshPortOf("dst")), (endpoint.Control.Address, endpoint.Control.Port));
        Assert.Equal(layout.KnownHostsFile, endpoint.Control.KnownHostsFile);
        Assert.Equal(layout.ControlDirectory, endpoint.Control.ControlDirectory);
        Assert.Equal(("198.18.0.2", 22), (endpoint.Peer.Address, endpoint.Peer.Port));
        Assert.Equal(("/root/.ssh/id_ed25519", "/root/.ssh/known_hosts"), (endpoint.Peer.IdentityFile, endpoint.Peer.KnownHostsFile));
    }

    [Fact]
    public void Host_keys_are_checked_both_from_the_controller_and_between_the_vms()
    {
        var endpoint = VmMachine.Of(VmLayout.For("v1"), "src").Endpoint;
        foreach (var access in new[] { endpoint.Control, endpoint.Peer })
        {
            Assert.Contains("StrictHostKeyChecking=yes", access.SshOptions);
            Assert.DoesNotContain("StrictHostKeyChecking=no", access.SshOptions);
        }
    }

    [Fact]
    public void Known_hosts_lines_use_brackets_for_a_port_other_than_22_and_drop_the_key_comment()
    {
        const string key = "ssh-ed25519 AAAAC3Nza root@src\n";
        Assert.Equal("[127.0.0.1]:20004 ssh-ed25519 AAAAC3Nza", VmMachine.KnownHostsLine(new SshAccess("root", "127.0.0.1", 20004, "/k"), key));
        Assert.Equal("198.18.0.1 ssh-ed25519 AAAAC3Nza", VmMachine.KnownHostsLine(VmMachine.PeerAccess("src"), key));
    }

    [Fact]
    public void The_vm_provider_is_registered_as_vm_and_its_hosts_report_kind_vm_qemu()
    {
        var provider = HostProviders.Create(new HostsChoice("vm", "v1", new CriuBench.Tests.Support.FakeCommandRunner()));
        Assert.IsType<VmHostProvider>(provider);
        Assert.Equal(("vm", "vm-qemu"), (provider.Name, provider.Kind));
    }
}
