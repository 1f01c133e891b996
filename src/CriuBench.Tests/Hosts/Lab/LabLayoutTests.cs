using CriuBench.Hosts.Lab;

namespace CriuBench.Tests.Hosts.Lab;

[Trait("Category", "Unit")]
public class LabLayoutTests
{
    [Fact]
    public void Every_name_derives_from_the_lab_name_so_leftovers_can_be_found_after_a_crash()
    {
        var layout = LabLayout.For("cb");
        Assert.Equal("cb-cb-src", layout.NetworkNamespace("src"));
        Assert.Equal("/run/netns/cb-cb-dst", layout.NetworkNamespaceFile("dst"));
        Assert.Equal("/run/criubench/cb/src.mnt", layout.MountNamespaceFile("src"));
        Assert.Equal("/var/lib/criubench/labs/cb/dst/disk", layout.DiskOf("dst"));
    }

    [Fact]
    public void Interface_names_fit_the_kernel_limit_of_15_characters()
    {
        var layout = LabLayout.For("abcdefgh");
        Assert.All(LabLayout.HostNames, host => Assert.True(layout.Interface(host).Length <= 15));
        // The service network's too: each host's port and its bridge-side peer, the service interface and the bridge.
        string[] names = [.. LabLayout.AllHostNames.SelectMany(host => new[] { layout.ServiceNetworkInterface(host), layout.BridgePort(host) }),
            layout.ServiceInterface, layout.ServiceBridgePort, layout.Bridge];
        Assert.All(names, name => Assert.True(name.Length <= 15, name));
        Assert.Equal(names.Length, names.Distinct().Count());
    }

    [Theory]
    [InlineData("")]
    [InlineData("toolongname")]
    [InlineData("Upper")]
    [InlineData("1abc")]
    [InlineData("a-b")]
    public void A_name_that_cannot_become_an_interface_name_is_refused(string name) =>
        Assert.Throws<ArgumentException>(() => LabLayout.For(name));

    [Fact]
    public void Hosts_get_addresses_from_the_benchmarking_block()
    {
        Assert.Equal("198.18.0.1", LabLayout.AddressOf("src"));
        Assert.Equal("198.18.0.2", LabLayout.AddressOf("dst"));
    }
}
