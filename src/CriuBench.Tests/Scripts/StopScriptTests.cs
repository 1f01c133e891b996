using CriuBench.Tests.Support;

namespace CriuBench.Tests.Scripts;

/// <summary>
/// The scripts that stop a process by a PID or a command line (workloads/host/stop-*.sh), run for
/// real against stand-in processes: they kill exactly what they are for, and leave anything else.
/// </summary>
[Trait("Category", "Unit")]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class StopScriptTests
{
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(200); // the scripts kill before they return: a short look is enough

    [Fact(Timeout = 30_000)]
    public async Task The_page_server_of_the_pid_file_is_killed_and_waited_for()
    {
        using var tools = new FakeTools();
        await using var server = await BackgroundProcess.StartAsync(tools.File("page-server.pid"), "criu page-server", "sleep", "30");

        var result = await tools.RunAsync("stop-page-server.sh", [server.PidFile]);

        Assert.Equal(0, result.ExitCode);
        Assert.False(await server.RunsAsync(), "the page server still runs after the script returned");
    }

    [Fact(Timeout = 30_000)]
    public async Task A_pid_file_naming_something_else_than_a_page_server_leaves_it_alone()
    {
        using var tools = new FakeTools();
        await using var other = await BackgroundProcess.StartAsync(tools.File("reused.pid"), "sleep", "sleep", "30");

        Assert.Equal(0, (await tools.RunAsync("stop-page-server.sh", [other.PidFile])).ExitCode);
        Assert.Equal(0, (await tools.RunAsync("stop-page-server.sh", [tools.File("missing.pid")])).ExitCode);

        Assert.True(await other.RunsAsync(Settle));
    }

    [Fact(Timeout = 30_000)]
    public async Task The_criu_process_of_the_work_directory_is_killed_with_its_children_and_another_migration_s_is_not()
    {
        using var tools = new FakeTools();
        // argv[0] "criu", the work directory one of its arguments, and a child (as runc's criu swrk).
        await using var mine = await BackgroundProcess.StartAsync(tools.File("mine.pid"), "criu", "bash", "-c", "sleep 30; :", "_", "/w/criu-work/m1");
        await using var other = await BackgroundProcess.StartAsync(tools.File("other.pid"), "criu", "bash", "-c", "sleep 30; :", "_", "/w/criu-work/m2");

        var result = await tools.RunAsync("stop-criu.sh", ["/w/criu-work/m1"]);

        Assert.Equal(0, result.ExitCode);
        Assert.False(await mine.RunsAsync(), "the migration's criu still runs");
        Assert.True(await other.RunsAsync(Settle), "another migration's criu was killed");
    }

    [Fact(Timeout = 30_000)]
    public async Task A_workload_pid_that_is_no_pid_namespace_init_is_not_killed()
    {
        using var tools = new FakeTools();
        await using var reused = await BackgroundProcess.StartAsync(tools.File("w.pid"), "sleep", "sleep", "30");

        var result = await tools.RunAsync("stop-workload.sh", [reused.Pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);

        Assert.Equal(0, result.ExitCode);
        Assert.True(await reused.RunsAsync(Settle), "a PID now used by a process outside any workload was killed");
    }

    [Fact(Timeout = 60_000)]
    public async Task Dockerd_is_stopped_by_its_pid_file_and_a_pid_file_naming_another_program_is_ignored()
    {
        using var tools = new FakeTools();
        // The kernel names a process by its executable's file (comm), as the script checks.
        File.Copy("/bin/sleep", tools.File("dockerd"));
        File.SetUnixFileMode(tools.File("dockerd"), UnixFileMode.UserRead | UnixFileMode.UserExecute);
        await using var dockerd = await BackgroundProcess.StartAsync(tools.File("dockerd.pid"), "dockerd", tools.File("dockerd"), "30");
        await using var notContainerd = await BackgroundProcess.StartAsync(tools.File("containerd.pid"), "sleep", "sleep", "30");

        var result = await tools.RunAsync("stop-dockerd.sh", [dockerd.PidFile, notContainerd.PidFile]);

        Assert.Equal(0, result.ExitCode);
        Assert.False(await dockerd.RunsAsync(), "dockerd still runs");
        Assert.True(await notContainerd.RunsAsync(Settle), "a process that is not containerd was stopped");
    }
}
