using CriuBench.Hosts.Vm;

namespace CriuBench.Tests.Vm;

[Trait("Category", "Unit")]
public class VmLayoutTests
{
    [Fact]
    public void Every_path_derives_from_the_lab_name_so_a_crashed_labs_leftovers_are_found()
    {
        var layout = VmLayout.For("v1");
        Assert.Equal("/var/lib/criubench/vms/v1/src/overlay.qcow2", layout.OverlayOf("src"));
        Assert.Equal("/var/lib/criubench/vms/v1/dst/seed.img", layout.SeedImageOf("dst"));
        Assert.Equal("/run/criubench/vms/v1/src.pid", layout.PidFileOf("src"));
        Assert.Equal("/var/lib/criubench/vms/v1/ssh/known_hosts", layout.KnownHostsFile);
    }

    [Fact]
    public void Ports_are_stable_per_name_distinct_within_a_lab_and_differ_between_labs()
    {
        var a = VmLayout.For("va");
        var b = VmLayout.For("vb");
        Assert.Equal(a.BasePort, VmLayout.For("va").BasePort);
        Assert.Equal(3, new[] { a.SshPortOf("src"), a.SshPortOf("dst"), a.LinkPort }.Distinct().Count());
        Assert.NotEqual(a.BasePort, b.BasePort);
        Assert.InRange(a.BasePort, 20000, 28000);
    }

    [Theory]
    [InlineData("")]
    [InlineData("toolongname")]
    [InlineData("V1")]
    [InlineData("../x")]
    public void A_name_that_could_escape_the_state_directory_is_refused(string name) =>
        Assert.Throws<ArgumentException>(() => VmLayout.For(name));

    [Fact]
    public void The_vms_have_fixed_link_addresses_and_each_others_as_peer()
    {
        Assert.Equal("198.18.0.1", VmLayout.LinkAddressOf("src"));
        Assert.Equal("198.18.0.2", VmLayout.LinkAddressOf("dst"));
        Assert.Equal("dst", VmLayout.PeerOf("src"));
        Assert.Throws<ArgumentException>(() => VmLayout.LinkAddressOf("third"));
    }

    [Theory]
    [InlineData("/usr/bin/qemu-system-x86_64", "qemu-system-x86_64")]
    [InlineData("ssh: /run/criubench/vms/v1/cm-7bb9 [mux]", "ssh")]
    public void Teardown_names_the_processes_it_stopped_by_their_program(string firstArgument, string program) =>
        Assert.Equal(program, VmProcesses.ProgramOf(firstArgument));
}
