using System.Text.Json;
using CriuBench.Execution;
using CriuBench.Tests.Support;
using CriuBench.Workloads;
using CriuBench.Workloads.Containers;
using CriuBench.Workloads.Catalog;

namespace CriuBench.Tests.Containers;

[Trait("Category", "Unit")]
public class DockerCommandsTests
{
    private static readonly WorkloadSpec Counter = BuiltinWorkloads.ByName("docker-counter");

    [Fact]
    public void The_daemon_keeps_everything_on_the_hosts_disk_and_leaves_the_network_alone()
    {
        var start = DockerCommands.StartDaemon("/criubench/cb-tc2-src/docker");
        var args = start.Arguments.SkipWhile(a => a != "dockerd").ToList();
        string ValueOf(string option) => args[args.IndexOf(option) + 1];
        Assert.Equal("/var/lib/criubench/host/docker/data", ValueOf("--data-root"));
        Assert.Equal("/var/lib/criubench/host/docker/exec", ValueOf("--exec-root"));
        Assert.Equal("unix:///var/lib/criubench/host/docker/docker.sock", ValueOf("--host"));
        Assert.Equal("/criubench/cb-tc2-src/docker", ValueOf("--cgroup-parent"));
        Assert.Equal("overlay2", ValueOf("--storage-driver"));
        Assert.Contains("native.cgroupdriver=cgroupfs", args);
        Assert.Contains("--bridge=none", args);
        Assert.Contains("--iptables=false", args);
        Assert.Contains($"CRIUBENCH_CRIU_LOGS={DockerCommands.CriuLogs}", start.Arguments);
    }

    [Fact]
    public void The_daemon_is_detached_by_a_fixed_script_with_its_log_as_an_argument()
    {
        var start = DockerCommands.StartDaemon("/x");
        Assert.Equal("bash", start.Program);
        Assert.Equal(["-c", "log=$1; shift; cd \"${log%/*}\" && exec setsid -f \"$@\" </dev/null >>\"$log\" 2>&1", "daemonize", DockerCommands.LogFile], start.Arguments.Take(4));
    }

    [Fact]
    public void Daemon_json_turns_on_experimental_and_runs_runc_through_the_wrapper()
    {
        var config = JsonDocument.Parse(DockerCommands.DaemonConfig("/repo/workloads/docker-runc.sh")).RootElement;
        Assert.True(config.GetProperty("experimental").GetBoolean());
        Assert.Equal(DockerCommands.Runtime, config.GetProperty("default-runtime").GetString());
        Assert.Equal("/repo/workloads/docker-runc.sh", config.GetProperty("runtimes").GetProperty(DockerCommands.Runtime).GetProperty("path").GetString());
    }

    [Fact]
    public void Run_and_create_describe_the_same_container_on_the_hosts_network_with_the_output_directory_mounted()
    {
        var run = DockerCommands.Run(Counter, "w").Arguments;
        var create = DockerCommands.Create(Counter, "w").Arguments;
        Assert.Equal(DockerCommands.Client, DockerCommands.Run(Counter, "w").Program);
        Assert.Equal(run.SkipWhile(a => a != "--network"), create.SkipWhile(a => a != "--network"));
        Assert.Equal(["--network", "host", "--label", "criubench.instance=w", "--volume", "/var/lib/criubench/host/work/w/out:/out", "busybox:local"],
            create.SkipWhile(a => a != "--network").Take(7));
        Assert.Equal(ContainerProcess.Arguments(Counter.Command, "/out/output.log", "/out/stderr.log"), create.SkipWhile(a => a != "busybox:local").Skip(1));
        Assert.Equal("/var/lib/criubench/host/work/w/out/output.log", DockerCommands.OutputFile("/var/lib/criubench/host/work/w"));
    }

    [Fact]
    public void A_checkpoint_goes_into_the_images_directory_and_comes_back_as_the_new_containers_checkpoint()
    {
        Assert.Equal(["-H", $"unix://{DockerCommands.Socket}", "checkpoint", "create", "--checkpoint-dir", "/i", "abc", DockerCommands.CheckpointName],
            DockerCommands.Checkpoint("abc", "/i").Arguments);
        var install = DockerCommands.InstallCheckpoint("/i", "def").Arguments;
        Assert.Equal(["/i", "/var/lib/criubench/host/docker/data/containers/def/checkpoints", DockerCommands.CheckpointName], install.Skip(3));
        Assert.Equal(["-H", $"unix://{DockerCommands.Socket}", "start", "--checkpoint", DockerCommands.CheckpointName, "def"],
            DockerCommands.StartFromCheckpoint("def").Arguments);
    }

    [Fact]
    public async Task The_checkpoint_is_linked_into_the_containers_checkpoints_not_copied()
    {
        using var temp = new TempDirectory();
        var images = Directory.CreateDirectory(Path.Combine(temp.Path, "images")).FullName;
        await File.WriteAllTextAsync(Path.Combine(images, "pages-1.img"), "pages");
        var checkpoints = Path.Combine(temp.Path, "containers", "def", "checkpoints");
        var script = DockerCommands.InstallCheckpoint("/i", "def").Arguments[1];

        (await ProcessRunner.Instance.RunAsync(Command.Of("bash", "-c", script, "install-checkpoint", images, checkpoints, DockerCommands.CheckpointName))).EnsureSuccess();

        var installed = Path.Combine(checkpoints, DockerCommands.CheckpointName, "pages-1.img");
        Assert.Equal("pages", await File.ReadAllTextAsync(installed));
        var links = await ProcessRunner.Instance.RunAsync(Command.Of("stat", "-c", "%h", installed));
        Assert.Equal("2", links.StandardOutput.Trim()); // the same inode as the images' file
    }
}
