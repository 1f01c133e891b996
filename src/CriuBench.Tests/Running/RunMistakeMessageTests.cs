using CriuBench.Criu;
using CriuBench.Workloads;

namespace CriuBench.Tests.Running;

/// <summary>How the two run-time mistakes are worded: from what the refusing program said.</summary>
[Trait("Category", "Unit")]
public class RunMistakeMessageTests
{
    [Fact]
    public void A_criu_that_wrote_no_log_is_described_by_its_stderr_and_exit_code()
    {
        var described = CriuFailedException.Describe([], "criu: unrecognized option '--no-such-flag'\n", 1);

        Assert.Equal("criu: unrecognized option '--no-such-flag' (exit code 1)", described);
    }

    [Fact]
    public void Error_lines_of_the_log_come_before_stderr_and_stderr_drops_the_rlimit_noise()
    {
        Assert.Equal("Error (criu/x.c:1): boom", CriuFailedException.Describe(["Error (criu/x.c:1): boom"], "criu: something", 1));
        Assert.Equal(["line two", "line three", "line four"],
            CriuLog.StderrLines("rlimit: Can't setup RLIMIT_NOFILE for self\nline one\n\nline two\nline three\nline four\n"));
    }

    [Fact]
    public void A_criu_that_said_nothing_is_described_by_how_it_ended()
    {
        Assert.Equal("CRIU was killed by signal 9 (exit code 137) before it logged an error", CriuFailedException.Describe([], "", 137));
        Assert.Equal("no error lines in CRIU's log and nothing on its stderr (exit code 1)", CriuFailedException.Describe([], null, 1));
    }

    [Fact]
    public void A_workload_that_exited_says_its_code_and_its_last_stderr_line()
    {
        Assert.Equal("workload w exited with code 3 on src before it printed anything; its last stderr line: w: /etc/w.conf: no such file",
            EarlyExit.Describe("w", "src", "3\n", "starting\nw: /etc/w.conf: no such file\n\n"));
        Assert.Equal("workload w exited with code 0 on dst right after its first lines; its stderr is empty",
            EarlyExit.Describe("w", "dst", "0", "", printedSomething: true));
    }

    [Fact]
    public void No_exit_code_written_means_no_early_exit()
    {
        Assert.Null(EarlyExit.Describe("w", "src", null, "x"));
        Assert.Null(EarlyExit.Describe("w", "src", "", "x"));
    }
}
