using CriuBench.Hosts.Ssh;
using CriuBench.Hosts.Vm;

namespace CriuBench.Tests.Vm;

[Trait("Category", "Unit")]
public class VmHostsFileTests
{
    [Fact]
    public void The_hosts_file_of_a_vm_lab_names_the_vms_as_the_lab_reaches_them()
    {
        var layout = VmLayout.For("v1");

        var file = HostsFileReader.Parse(VmHostsFile.Render(layout), VmHostsFile.PathOf(layout));

        Assert.Equal(["src", "dst"], file.Hosts.Select(host => host.Name));
        foreach (var host in file.Hosts)
        {
            var lab = VmMachine.Of(layout, host.Name).Endpoint;
            // The ssh provider picks its own connection directories; everything else is the lab's.
            Assert.Equal(lab.Control with { ControlDirectory = null }, host.Endpoint.Control with { ControlDirectory = null });
            Assert.Equal(lab.Peer with { ControlDirectory = null }, host.Endpoint.Peer with { ControlDirectory = null });
        }
    }
}
