using CriuBench.Execution;
using CriuBench.Hosts.Vm;

namespace CriuBench.Tests.Vm;

public class SshEndpointTests
{
    private static readonly SshEndpoint Endpoint =
        new("src", "127.0.0.1", 20004, "root", "/k/controller", "/k/known_hosts") { ControlDirectory = "/run/x" };

    [Fact]
    public void Host_keys_are_checked_against_the_labs_own_known_hosts_only()
    {
        var options = string.Join(' ', Endpoint.SshOptions);
        Assert.Contains("StrictHostKeyChecking=yes", options);
        Assert.Contains("UserKnownHostsFile=/k/known_hosts", options);
        Assert.Contains("GlobalKnownHostsFile=/dev/null", options);
        Assert.DoesNotContain("StrictHostKeyChecking=no", options);
        Assert.Contains("ControlPath=/run/x/cm-%C", options);
    }

    [Fact]
    public void A_wrapped_command_reaches_the_remote_shell_with_each_argument_quoted()
    {
        var wrapped = Endpoint.Wrap(Command.Of("sh", "-c", "echo 'a b' > /tmp/x") with { StandardInput = "in" });
        Assert.Equal("ssh", wrapped.Program);
        Assert.Equal(["root@127.0.0.1", "--", "sh -c 'echo '\\''a b'\\'' > /tmp/x'"], wrapped.Arguments.TakeLast(3));
        Assert.Equal("in", wrapped.StandardInput);
    }

    [Fact]
    public void Known_hosts_lines_use_brackets_for_a_port_other_than_22_and_drop_the_key_comment()
    {
        const string key = "ssh-ed25519 AAAAC3Nza root@src\n";
        Assert.Equal("[127.0.0.1]:20004 ssh-ed25519 AAAAC3Nza", Endpoint.KnownHostsLine(key));
        Assert.Equal("198.18.0.1 ssh-ed25519 AAAAC3Nza", (Endpoint with { Address = "198.18.0.1", Port = 22 }).KnownHostsLine(key));
    }

    [Fact]
    public void Each_vm_is_reached_from_the_controller_on_its_forwarded_port_and_from_its_peer_on_the_link()
    {
        var layout = VmLayout.For("v1");
        var machine = VmMachine.Of(layout, "dst");
        Assert.Equal(("127.0.0.1", layout.SshPortOf("dst")), (machine.Control.Address, machine.Control.Port));
        Assert.Equal(layout.KnownHostsFile, machine.Control.KnownHostsFile);
        Assert.Equal(("198.18.0.2", 22), (machine.Peer.Address, machine.Peer.Port));
        Assert.Equal("/root/.ssh/known_hosts", machine.Peer.KnownHostsFile);
        Assert.Null(machine.Peer.ControlDirectory);
    }
}
