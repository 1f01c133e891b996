using System.Text.Json;
using CriuBench.Workloads.Containers;

namespace CriuBench.Tests.Containers;

[Trait("Category", "Unit")]
public class RuncBundleTests
{
    private static JsonElement Config(string cgroupsPath = "/criubench/cb-tc1-src/w") =>
        JsonDocument.Parse(RuncBundle.Config(["sh", "-c", "echo 1"], cgroupsPath, "criubench")).RootElement;

    [Fact]
    public void The_container_shares_its_hosts_network_namespace()
    {
        var namespaces = Config().GetProperty("linux").GetProperty("namespaces").EnumerateArray()
            .Select(ns => ns.GetProperty("type").GetString()).ToList();
        Assert.Equal(["pid", "ipc", "uts", "mount"], namespaces);
    }

    [Fact]
    public void Its_cgroup_is_the_path_it_is_given_and_its_root_is_the_writable_rootfs_beside_config_json()
    {
        var config = Config("/criubench/cb-tc1-dst/counter-tar");
        Assert.Equal("/criubench/cb-tc1-dst/counter-tar", config.GetProperty("linux").GetProperty("cgroupsPath").GetString());
        Assert.Equal("rootfs", config.GetProperty("root").GetProperty("path").GetString());
        Assert.False(config.GetProperty("root").GetProperty("readonly").GetBoolean());
        Assert.False(config.GetProperty("process").GetProperty("terminal").GetBoolean());
    }

    [Fact]
    public void The_workloads_command_runs_with_its_output_in_a_file_inside_the_container()
    {
        var args = Config().GetProperty("process").GetProperty("args").EnumerateArray().Select(a => a.GetString()!).ToList();
        Assert.Equal(ContainerProcess.Arguments(["sh", "-c", "echo 1"], "/output.log", "/stderr.log"), args);
    }

    [Fact]
    public void It_mounts_neither_sys_nor_cgroups()
    {
        var destinations = Config().GetProperty("mounts").EnumerateArray().Select(m => m.GetProperty("destination").GetString()).ToList();
        Assert.Contains("/proc", destinations);
        Assert.DoesNotContain(destinations, d => d!.StartsWith("/sys", StringComparison.Ordinal));
    }

    [Fact]
    public void The_bundle_lives_in_the_workload_directory_and_its_output_file_in_the_rootfs()
    {
        var bundle = RuncBundle.In("/var/lib/criubench/host/work/w");
        Assert.Equal("/var/lib/criubench/host/work/w/bundle/config.json", bundle.ConfigFile);
        Assert.Equal("/var/lib/criubench/host/work/w/bundle/rootfs/output.log", bundle.OutputFile);
    }
}
