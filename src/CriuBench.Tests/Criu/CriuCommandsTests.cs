using CriuBench.Criu;

namespace CriuBench.Tests.Criu;

public class CriuCommandsTests
{
    [Fact]
    public void Dump_names_the_tree_the_images_and_a_log_beside_them()
    {
        var command = CriuCommands.Dump(4242, "/d/images/m1", ["--page-server", "--port", "27"]);
        Assert.Equal("criu", command.Program);
        Assert.Equal(["dump", "--tree", "4242", "--images-dir", "/d/images/m1", "--log-file", "dump.log", "--page-server", "--port", "27"], command.Arguments);
    }

    [Fact]
    public void Restore_is_detached_and_reports_the_new_pid_in_a_file() =>
        Assert.Equal(["restore", "--restore-detached", "--images-dir", "/d/i", "--log-file", "restore.log", "--pidfile", "/d/i/restore-dst.pid"],
            CriuCommands.Restore("/d/i", "dst").Arguments);

    /// <summary>The wrapper's script run for real by sh, with `true` or `false` standing in for criu.</summary>
    [Theory]
    [InlineData("true", "4242", 0, "4242")]       // CRIU writes the PID without a newline
    [InlineData("true", "4242\n", 0, "4242")]
    [InlineData("false", "4242", 1, "")]          // a failed restore prints nothing, whatever file is there
    public async Task The_restore_prints_the_new_pid_from_its_file_in_the_same_command_and_fails_when_the_restore_does(
        string criu, string pidFileText, int exitCode, string printed)
    {
        using var directory = new Support.TempDirectory();
        var command = CriuCommands.RestorePrintingPid(directory.Path, "dst");
        await File.WriteAllTextAsync(Path.Combine(directory.Path, CriuCommands.RestorePidFile("dst")), pidFileText);
        var stand = command with { Arguments = [.. command.Arguments.Take(3), criu] }; // sh -c SCRIPT PIDFILE, then the program

        var result = await CriuBench.Execution.ProcessRunner.Instance.RunAsync(stand);

        Assert.Equal("sh", command.Program);
        Assert.Equal(["criu", "restore"], command.Arguments.Skip(3).Take(2));
        Assert.Equal(exitCode, result.ExitCode);
        Assert.Equal(printed, result.StandardOutput.Trim());
    }

    [Fact]
    public async Task The_restore_fails_when_criu_succeeded_but_left_no_pid_file()
    {
        using var directory = new Support.TempDirectory();
        var command = CriuCommands.RestorePrintingPid(directory.Path, "dst");
        var result = await CriuBench.Execution.ProcessRunner.Instance.RunAsync(command with { Arguments = [.. command.Arguments.Take(3), "true"] });
        Assert.NotEqual(0, result.ExitCode);
        Assert.Equal("", result.StandardOutput);
    }

    [Fact]
    public void Error_lines_leave_out_the_rlimit_noise_every_run_prints()
    {
        const string log = """
            (00.001) Error (criu/util.c:1533): rlimit: Can't setup RLIMIT_NOFILE for self: Operation not permitted
            (00.010) Warn  (criu/kerndat.c:1285): Can't keep kdat cache on non-tempfs
            (00.020) Error (criu/files-reg.c:2173): File work/output.log has bad size 120 (expect 100)
            (00.021) Error (criu/cr-restore.c:2447): Restoring FAILED.
            """;
        Assert.Equal(
            ["(00.020) Error (criu/files-reg.c:2173): File work/output.log has bad size 120 (expect 100)", "(00.021) Error (criu/cr-restore.c:2447): Restoring FAILED."],
            CriuLog.ErrorLines(log));
    }
}
