using CriuBench.Criu;

namespace CriuBench.Tests.Criu;

[Trait("Category", "Unit")]
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
