using CriuBench.Execution;
using CriuBench.Hosts;
using CriuBench.Hosts.Lab;
using CriuBench.Tests.Support;
using CriuBench.Workloads;
using CriuBench.Workloads.Containers;
using CriuBench.Workloads.Catalog;

namespace CriuBench.Tests.Containers;

public class ContainerProcessTests
{
    [Fact]
    public async Task The_wrapped_command_writes_its_stdout_and_stderr_to_the_files_and_holds_none_of_the_runtimes_stdio()
    {
        using var temp = new TempDirectory();
        var command = ContainerProcess.Arguments(["sh", "-c", "echo out; echo err >&2; cat; ls -l /proc/self/fd/0 /proc/self/fd/1 /proc/self/fd/2 >&2"], temp.File("output.log"), temp.File("stderr.log"));

        var result = await ProcessRunner.Instance.RunAsync(Command.Of(command[0], command.Skip(1)) with { StandardInput = "not read" });

        Assert.True(result.Succeeded, result.StandardError);
        Assert.Equal("", result.StandardOutput);
        Assert.Equal("out\n", File.ReadAllText(temp.File("output.log")));
        Assert.StartsWith("err\n", File.ReadAllText(temp.File("stderr.log")));
        Assert.DoesNotContain("pipe:", File.ReadAllText(temp.File("stderr.log")));
    }

    [Fact]
    public async Task The_container_counter_counts_in_busyboxs_sh()
    {
        Requires.Tool("busybox", "busybox-static");
        var counter = BuiltinWorkloads.ContainerCounter(WorkloadEngines.Runc, TimeSpan.FromMilliseconds(10));
        var script = string.Join(' ', counter.Command.Select(ShellQuoting.Quote));

        var result = await ProcessRunner.Instance.RunAsync(Command.Of("busybox", "timeout", "1", "busybox", "sh", "-c", script));

        var lines = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length >= 5, $"only {lines.Length} lines in 1 s: {result.StandardError}");
        Assert.Equal(Enumerable.Range(0, lines.Length).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), lines);
    }

    [Fact]
    public void A_lab_hosts_containers_have_cgroups_under_its_network_namespaces_name()
    {
        var host = new LabHost("dst", LabLayout.For("tc1"), new FakeCommandRunner());
        Assert.Equal("cb-tc1-dst", host.Identity);
        Assert.Equal("/criubench/cb-tc1-dst", HostCgroups.Scope(host));
        Assert.Equal("/criubench/cb-tc1-dst/counter-tar", RuncEngine.CgroupsPath(host, "counter-tar"));
    }

    [Fact]
    public void The_container_workloads_are_built_in_under_their_engines()
    {
        Assert.Same(WorkloadEngines.Runc, BuiltinWorkloads.ByName("runc-counter").Engine);
        Assert.Same(WorkloadEngines.Docker, BuiltinWorkloads.ByName("docker-counter").Engine);
        Assert.IsType<RuncEngine>(WorkloadEngines.Create("runc"));
        Assert.IsType<DockerEngine>(WorkloadEngines.Create("docker"));
    }
}
