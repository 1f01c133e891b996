using CriuBench.Criu;
using CriuBench.Suites;
using CriuBench.Tests.Support;
using CriuBench.Workloads;
using CriuBench.Workloads.Catalog;
using CriuBench.Workloads.Containers;

namespace CriuBench.Tests.Containers;

/// <summary>Podman's command lines, its --print-stats reports as Podman 4.3.1 printed them here, and `image:` in a suite.</summary>
[Trait("Category", "Unit")]
public class PodmanUnitTests
{
    // Printed by `podman container checkpoint --export --print-stats` and `restore --import --print-stats` (Podman 4.3.1, runc 1.1.5, CRIU 4.1.1).
    private const string CheckpointReport = """
        {
            "podman_checkpoint_duration": 362578,
            "container_statistics": [
                {
                    "Id": "6ea63f4c3413a3706d34c0ffb7f7989c6fae5dbe435143acf2a915276c834223",
                    "RawInput": "c1",
                    "runtime_checkpoint_duration": 205193,
                    "criu_statistics": {
                        "freezing_time": 2727,
                        "frozen_time": 118694,
                        "memdump_time": 819,
                        "memwrite_time": 183,
                        "pages_scanned": 47,
                        "pages_written": 33
                    }
                }
            ]
        }
        """;

    private const string RestoreReport = """
        {
            "podman_restore_duration": 331574,
            "container_statistics": [
                {
                    "Id": "3147e05b49dfd5937e7f09e0b4d7b43e43e6d49f2b7434c45d91398cecdbe8a4",
                    "RawInput": "",
                    "runtime_restore_duration": 182689,
                    "criu_statistics": {
                        "pages_compared": 9,
                        "pages_skipped_cow": 2,
                        "forking_time": 336,
                        "restore_time": 56967,
                        "pages_restored": 32
                    }
                }
            ]
        }
        """;

    [Fact]
    public void A_checkpoint_report_gives_podmans_the_runtimes_and_criUs_times_in_microseconds()
    {
        var report = PodmanStatistics.Parse(CheckpointReport, "checkpoint");

        Assert.Equal(362.578, report.Podman.TotalMilliseconds, 3);
        Assert.Equal(205.193, report.Runtime!.Value.TotalMilliseconds, 3);
        Assert.Equal(118694, report.Criu["frozen_time"]);
        Assert.Equal(33, report.Criu["pages_written"]);
    }

    [Fact]
    public void A_restore_report_is_read_by_its_own_keys_and_a_checkpoints_keys_do_not_pass_for_it()
    {
        var report = PodmanStatistics.Parse(RestoreReport, "restore");

        Assert.Equal(331.574, report.Podman.TotalMilliseconds, 3);
        Assert.Equal(182.689, report.Runtime!.Value.TotalMilliseconds, 3);
        Assert.Equal(56967, report.Criu["restore_time"]);
        Assert.Contains("podman_restore_duration", Assert.Throws<FormatException>(() => PodmanStatistics.Parse(CheckpointReport, "restore")).Message);
        Assert.Contains("no JSON", Assert.Throws<FormatException>(() => PodmanStatistics.Parse("Error: no such container", "checkpoint")).Message);
    }

    [Fact]
    public void Every_command_uses_the_hosts_own_storage_and_runc_and_the_checkpoint_is_one_uncompressed_archive_in_the_images_directory()
    {
        var checkpoint = PodmanCommands.Checkpoint("abc", PodmanCommands.Archive("/images/m1"), []);

        Assert.Equal("podman", checkpoint.Program);
        Assert.Equal(["--root", PodmanCommands.Storage, "--runroot", PodmanCommands.RunRoot], checkpoint.Arguments.Take(4));
        Assert.Contains("--runtime", checkpoint.Arguments);
        Assert.Equal("runc", checkpoint.Arguments[checkpoint.Arguments.ToList().IndexOf("--runtime") + 1]);
        Assert.Equal(["container", "checkpoint", "--export", "/images/m1/podman-checkpoint.tar", "--compress", "none", "--keep", "--print-stats", "abc"],
            checkpoint.Arguments.SkipWhile(a => a != "container"));
        Assert.StartsWith(HostPathsDisk, PodmanCommands.Storage);
    }

    private const string HostPathsDisk = CriuBench.Hosts.HostPaths.Disk + "/";

    [Fact]
    public void The_container_gets_explicit_rlimits_the_hosts_network_and_its_output_directory()
    {
        var run = PodmanCommands.Run(BuiltinWorkloads.ByName("podman-counter"), "i1", PodmanCommands.Image, "/criubench/h/podman").Arguments;

        Assert.Contains("nofile=1024:1024", run);
        Assert.Contains("nproc=4096:4096", run);
        Assert.Equal("host", run[run.ToList().IndexOf("--network") + 1]);
        Assert.Equal("never", run[run.ToList().IndexOf("--pull") + 1]);
        Assert.Contains($"{CriuBench.Hosts.HostPaths.WorkloadDirectory("i1")}/out:/out", run);
    }

    [Fact]
    public void Podman_is_given_leave_running_and_refuses_a_page_server_by_name()
    {
        Assert.Equal(["--leave-running"], PodmanCommands.CheckpointFlags([new CriuOption.LeaveRunning(), new CriuOption.LogLevel(4)]));
        var refused = Assert.Throws<NotSupportedException>(() => PodmanCommands.CheckpointFlags(CriuCommands.ToPageServer("198.18.0.2", 27027)));
        Assert.Contains("podman container checkpoint", refused.Message);
    }

    [Fact]
    public void A_dump_chained_to_a_pre_copy_round_is_with_previous_and_its_restore_imports_the_rounds_archive()
    {
        Assert.Equal(["--with-previous"], PodmanCommands.CheckpointFlags(CriuCommands.Chained("../m-r001.it1")));
        var preCheckpoint = PodmanCommands.PreCheckpoint("c1", PodmanCommands.PreArchive("/d/m-r001.it1")).Arguments;
        Assert.Equal(["container", "checkpoint", "--pre-checkpoint", "--export", "/d/m-r001.it1/podman-pre-checkpoint.tar"],
            preCheckpoint.SkipWhile(argument => argument != "container").Take(5));
        Assert.Equal("c1", preCheckpoint[^1]);
        var restore = PodmanCommands.Restore("/d/m-r001/podman-checkpoint.tar", "i1-2", PodmanCommands.ImportPrevious("/d/m-r001/../m-r001.it1/podman-pre-checkpoint.tar")).Arguments;
        Assert.Equal("/d/m-r001/../m-r001.it1/podman-pre-checkpoint.tar", restore[restore.ToList().IndexOf("--import-previous") + 1]);
        Assert.Equal("/d/m-r001/podman-checkpoint.tar", restore[restore.ToList().IndexOf("--import") + 1]);
    }

    [Fact]
    public void A_service_keeps_its_connections_through_podmans_own_flag_on_both_commands_and_its_own_container()
    {
        Assert.Equal(["--tcp-established"], PodmanCommands.CheckpointFlags([new CriuOption.TcpEstablished()]));
        Assert.Equal(["--tcp-established"], PodmanCommands.RestoreFlags([new CriuOption.TcpEstablished()]));
        Assert.Throws<NotSupportedException>(() => PodmanCommands.RestoreFlags([new CriuOption.TcpClose()]));
        // Podman: "--tcp-established cannot be used with --name".
        Assert.DoesNotContain("--name", PodmanCommands.Restore("/d/a.tar", null, ["--tcp-established"]).Arguments);
        Assert.Contains("--name", PodmanCommands.Restore("/d/a.tar", "i1-2", []).Arguments);
    }

    [Fact]
    public void Podman_makes_one_pre_copy_round_whatever_the_stop_rule_says()
    {
        var podman = new PodmanEngine();
        Assert.Null(podman.NoFurtherPreDump(0));
        Assert.Contains("one pre-checkpoint", podman.NoFurtherPreDump(1));
        Assert.Null(((IWorkloadEngine)new RuncEngine()).NoFurtherPreDump(5));
    }

    [Fact]
    public void The_image_podman_load_names_is_read_from_its_output()
    {
        Assert.Equal("localhost/criubench-busybox:1", PodmanImage.LoadedName("Loaded image: localhost/criubench-busybox:1\n"));
        Assert.Equal("sha256:eb4e46", PodmanImage.LoadedName("Loaded image(s): sha256:eb4e46\n"));
        Assert.Null(PodmanImage.LoadedName("Storing signatures\n"));
    }

    [Fact]
    public void A_suites_image_is_an_archive_beside_it_and_only_for_an_engine_that_takes_images()
    {
        using var directory = new TempDirectory();
        File.WriteAllText(directory.File("app.tar"), "not read when the suite loads");
        const string Workload = "workloads:\n  - {name: app, engine: ENGINE, IMAGE command: [sh, -c, 'echo 1'], output: counter}";

        var suite = SuiteLoader.Parse(Workload.Replace("ENGINE", "podman").Replace("IMAGE", "image: app.tar,"), "s.yaml", directory.Path);
        Assert.Equal(directory.File("app.tar"), Assert.Single(suite.Workloads).Image);
        Assert.Null(Assert.Single(SuiteLoader.Parse(Workload.Replace("ENGINE", "podman").Replace("IMAGE", ""), "s.yaml", directory.Path).Workloads).Image);

        Assert.Contains("the runc engine runs no image of yours",
            Assert.Throws<SuiteException>(() => SuiteLoader.Parse(Workload.Replace("ENGINE", "runc").Replace("IMAGE", "image: app.tar,"), "s.yaml", directory.Path)).Message);
        Assert.Contains("does not exist",
            Assert.Throws<SuiteException>(() => SuiteLoader.Parse(Workload.Replace("ENGINE", "podman").Replace("IMAGE", "image: gone.tar,"), "s.yaml", directory.Path)).Message);
    }
}
