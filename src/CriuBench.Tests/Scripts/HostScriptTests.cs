using System.Globalization;
using CriuBench.Execution;
using CriuBench.Hosts;
using CriuBench.Tests.Support;

namespace CriuBench.Tests.Scripts;

/// <summary>
/// The other scripts of workloads/host/ that need no root: run for real, on this machine's files
/// and processes or with stand-in tools on PATH, and judged by what they did.
/// </summary>
[Trait("Category", "Unit")]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class HostScriptTests
{
    [Fact(Timeout = 30_000)]
    public async Task Runc_restore_writes_the_config_from_its_input_then_runs_runc_and_returns_its_exit_code()
    {
        using var tools = new FakeTools();
        tools.Add("runc", "exit 3");
        var config = tools.File("config.json");

        var result = await tools.RunAsync("runc-restore.sh", [config, "", "", "runc", "--root", "/r", "restore", "c1"], standardInput: """{"ociVersion":"1"}""");

        Assert.Equal(3, result.ExitCode);
        Assert.Equal("""{"ociVersion":"1"}""", File.ReadAllText(config));
        Assert.Equal([["--root", "/r", "restore", "c1"]], tools.Calls("runc"));
    }

    [Fact(Timeout = 30_000)]
    public async Task Runc_restore_with_no_stray_cgroup_succeeds_when_runc_does()
    {
        using var tools = new FakeTools();
        tools.Add("runc");

        // A dumped cgroup that does not exist here: nothing to move.
        var result = await tools.RunAsync("runc-restore.sh", [tools.File("config.json"), "/criubench/gone-" + Guid.NewGuid().ToString("N"), "/criubench/x", "runc", "restore"], standardInput: "{}");

        Assert.True(result.Succeeded, result.StandardError);
        Assert.Single(tools.Calls("runc"));
    }

    [Fact(Timeout = 30_000)]
    public async Task Moving_cgroup_tasks_moves_a_process_whose_children_exit_and_fork_while_it_moves_and_removes_the_old_cgroup()
    {
        // A real cgroup v2 hierarchy: the restored counter's `sleep` exits right after the restore,
        // so a task listed in the old cgroup may be gone when it is written into the new one.
        var root = File.ReadLines("/proc/self/mounts").Select(line => line.Split(' ')).First(fields => fields[2] == "cgroup2")[1];
        var parent = "/criubench-test-" + Guid.NewGuid().ToString("N");
        Directory.CreateDirectory(root + parent + "/from");
        Directory.CreateDirectory(root + parent + "/to");
        using var tools = new FakeTools();
        try
        {
            await using (var forker = await BackgroundProcess.StartAsync(tools.File("f.pid"), "forker", "sh", "-c", "while :; do /bin/true; done"))
            {
                File.WriteAllText(root + parent + "/from/cgroup.procs", forker.Pid.ToString(CultureInfo.InvariantCulture));
                await Task.Delay(100); // children forked in the old cgroup

                var result = await tools.RunAsync("move-cgroup-tasks.sh", [root, parent + "/from", parent + "/to"]);

                Assert.True(result.Succeeded, result.StandardError);
                Assert.False(Directory.Exists(root + parent + "/from"));
                Assert.Contains(File.ReadLines($"/proc/{forker.Pid}/cgroup"), line => line == "0::" + parent + "/to");
            }
        }
        finally
        {
            for (var tries = 0; Directory.Exists(root + parent + "/to") && File.ReadAllText(root + parent + "/to/cgroup.procs").Length > 0 && tries < 100; tries++) await Task.Delay(20);
            foreach (var cgroup in new[] { "/from", "/to", "" }.Select(leaf => root + parent + leaf).Where(Directory.Exists)) Directory.Delete(cgroup);
        }
    }

    [Fact(Timeout = 30_000)]
    public async Task Describe_files_gives_each_file_by_its_index_its_size_and_its_first_bytes_and_a_dash_for_a_missing_one()
    {
        using var tools = new FakeTools();
        File.WriteAllText(tools.File("lib.so"), "0123456789");

        var result = await tools.RunAsync("describe-files.sh", ["4", tools.File("lib.so"), tools.File("missing.so")]);

        Assert.True(result.Succeeded, result.StandardError);
        Assert.Equal($"0\t10\t{Convert.ToBase64String("0123"u8.ToArray())}\n1\t-\t\n", result.StandardOutput);
    }

    [Fact(Timeout = 30_000)]
    public async Task Mapped_files_lists_the_executable_and_libraries_of_a_process_and_of_its_children()
    {
        using var tools = new FakeTools();
        await using var parent = await BackgroundProcess.StartAsync(tools.File("p.pid"), "bash", "bash", "-c", "sleep 30; :");
        // bash forks sleep after it starts: on a loaded machine the script once ran before the child existed.
        var children = $"/proc/{parent.Pid}/task/{parent.Pid}/children";
        for (var waited = 0; File.ReadAllText(children).Trim().Length == 0 && waited < 100; waited++) await Task.Delay(50);

        var result = await tools.RunAsync("mapped-files.sh", [parent.Pid.ToString(CultureInfo.InvariantCulture)]);

        var paths = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("/usr/bin/bash", paths);
        Assert.Contains("/usr/bin/sleep", paths); // the child's
        Assert.Contains(paths, path => path.Contains("/libc.so", StringComparison.Ordinal));
        Assert.Equal(paths.Order(StringComparer.Ordinal).Distinct(), paths);
    }

    [Fact(Timeout = 30_000)]
    public async Task The_shared_mount_point_with_nothing_mounted_lists_nothing_and_unmounting_it_is_a_no_op()
    {
        using var tools = new FakeTools();

        var list = await tools.RunAsync("shared-mount.sh", ["list", tools.Path]);
        var leftovers = await tools.RunAsync("shared-mount.sh", ["remove-leftovers", tools.Path]);
        var unmount = await tools.RunAsync("shared-mount.sh", ["unmount", tools.Path]);

        Assert.Equal((0, ""), (list.ExitCode, list.StandardOutput));
        Assert.Equal((0, ""), (leftovers.ExitCode, leftovers.StandardOutput));
        Assert.Equal(0, unmount.ExitCode);
    }

    [Fact(Timeout = 30_000)]
    public async Task The_shared_mount_script_lists_a_real_mount_point_by_its_filesystem_and_source()
    {
        using var tools = new FakeTools();

        var result = await tools.RunAsync("shared-mount.sh", ["list", "/proc"]);

        Assert.Equal("proc proc", result.StandardOutput.Trim().Split('\n')[^1]);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_leftover_directory_is_removed_and_said_and_a_missing_one_says_nothing()
    {
        using var tools = new FakeTools();
        var left = tools.File("export");
        Directory.CreateDirectory(Path.Combine(left, "images"));

        var removed = await tools.RunAsync("shared-mount.sh", ["remove-directory", left]);
        var again = await tools.RunAsync("shared-mount.sh", ["remove-directory", left]);

        Assert.Equal($"removed {left}\n", removed.StandardOutput);
        Assert.False(Directory.Exists(left));
        Assert.Equal((0, ""), (again.ExitCode, again.StandardOutput));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_leftover_directory_that_holds_criu_images_is_kept_and_said()
    {
        using var tools = new FakeTools();
        var left = tools.File("export");
        Directory.CreateDirectory(Path.Combine(left, "m-r001", "images"));
        File.WriteAllText(Path.Combine(left, "m-r001", "images", "pages-1.img"), "pages");

        var kept = await tools.RunAsync("shared-mount.sh", ["remove-directory", left]);

        Assert.Equal((0, $"kept {left}: it holds CRIU images, the only state of an interrupted or lost workload\n"), (kept.ExitCode, kept.StandardOutput));
        Assert.True(File.Exists(Path.Combine(left, "m-r001", "images", "pages-1.img")));
    }

    [Theory(Timeout = 30_000)]
    [InlineData("shared-mount.sh", "mount")]
    [InlineData("cgroups.sh", "freeze")]
    [InlineData("nfs-server.sh", "restart")]
    public async Task A_script_with_subcommands_refuses_an_unknown_one_with_exit_code_2(string script, string action)
    {
        using var tools = new FakeTools();

        var result = await tools.RunAsync(script, [action, "a", "b"]);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("usage: ", result.StandardError);
    }

    [Fact(Timeout = 30_000)]
    public async Task Cgroups_of_a_scope_that_does_not_exist_thaw_and_remove_as_nothing_to_do()
    {
        using var tools = new FakeTools();
        var top = "criubench-test-" + Guid.NewGuid().ToString("N");

        Assert.Equal(0, (await tools.RunAsync("cgroups.sh", ["thaw", top, "h1"])).ExitCode);
        Assert.Equal(0, (await tools.RunAsync("cgroups.sh", ["remove", top, "h1"])).ExitCode);
    }

    [Fact(Timeout = 30_000)]
    public async Task Stopping_an_nfs_server_this_run_never_started_removes_only_its_empty_record()
    {
        using var tools = new FakeTools();
        tools.Add("systemctl").Add("rpc.nfsd").Add("kill");
        var state = tools.File("nfs-server");
        Directory.CreateDirectory(state);

        var result = await tools.RunAsync("nfs-server.sh", ["stop", state]);

        Assert.Equal((0, ""), (result.ExitCode, result.StandardOutput));
        Assert.False(Directory.Exists(state));
        Assert.Empty(tools.Calls("systemctl"));
        Assert.Empty(tools.Calls("rpc.nfsd"));
    }

    [Fact(Timeout = 30_000)]
    public async Task Stopping_an_nfs_server_started_with_systemd_stops_exactly_the_recorded_units()
    {
        using var tools = new FakeTools();
        tools.Add("systemctl");
        var state = tools.File("nfs-server");
        Directory.CreateDirectory(state);
        File.WriteAllText(Path.Combine(state, "started"), "systemd\n");
        File.WriteAllText(Path.Combine(state, "units"), "nfs-server.service\nrpcbind.socket\n");

        var result = await tools.RunAsync("nfs-server.sh", ["stop", state]);

        Assert.Equal("stopped nfs-server.service\nstopped rpcbind.socket\n", result.StandardOutput);
        Assert.Equal([["stop", "nfs-server.service"], ["stop", "rpcbind.socket"]], tools.Calls("systemctl"));
        Assert.False(Directory.Exists(state));
    }

    [Fact(Timeout = 30_000)]
    public async Task The_cleanup_sent_on_standard_input_kills_what_works_in_the_disk_and_empties_it()
    {
        using var tools = new FakeTools();
        var disk = tools.File("disk");
        Directory.CreateDirectory(Path.Combine(disk, "work", "w1"));
        File.WriteAllText(Path.Combine(disk, "assets-left"), "stale");
        await using var left = await BackgroundProcess.StartAsync(tools.File("w.pid"), "sleep", "bash", "-c", "cd \"$1\" && exec sleep 30", "_", Path.Combine(disk, "work", "w1"));
        await using var outside = await BackgroundProcess.StartAsync(tools.File("o.pid"), "sleep", "sleep", "30");

        var cleanup = HostAssets.ScriptPiped("cleanup.sh", disk, tools.File("shared"), "criubench-test-" + Guid.NewGuid().ToString("N"), "h1");
        var result = await ProcessRunner.Instance.RunAsync(cleanup);

        Assert.True(result.Succeeded, result.StandardError);
        Assert.Equal("bash", cleanup.Program);
        Assert.False(await left.RunsAsync(TimeSpan.FromSeconds(2)), "a process working in the disk survived the cleanup");
        Assert.True(await outside.RunsAsync(), "a process working elsewhere was killed");
        Assert.Empty(Directory.EnumerateFileSystemEntries(disk));
    }
}
