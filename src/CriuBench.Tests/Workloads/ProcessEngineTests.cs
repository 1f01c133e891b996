using CriuBench.Workloads;

namespace CriuBench.Tests.Workloads;

/// <summary>
/// The process engine's restore runs `criu restore` alone inside the stop window and reads the new
/// PID from CRIU's --pidfile after it: what that file may hold.
/// </summary>
[Trait("Category", "Unit")]
public class ProcessEngineTests
{
    [Theory]
    [InlineData("4242", "4242")]      // CRIU writes the PID without a newline
    [InlineData("4242\n", "4242")]
    [InlineData(" 17 \n", "17")]
    public void The_restored_pid_is_read_from_crius_pid_file(string text, string pid) =>
        Assert.Equal(pid, ProcessEngine.RestoredPid(text, "/d/i/restore-dst.pid"));

    [Theory]
    [InlineData(null, "wrote no PID file (/d/i/restore-dst.pid)")]
    [InlineData("", "holds '', not a PID")]
    [InlineData("0", "holds '0', not a PID")]
    [InlineData("-5", "holds '-5', not a PID")]
    [InlineData("42x", "holds '42x', not a PID")]
    public void A_restore_that_left_no_pid_or_garbage_failed_and_says_what_the_file_held(string? text, string message)
    {
        var error = Assert.Throws<InvalidOperationException>(() => ProcessEngine.RestoredPid(text, "/d/i/restore-dst.pid"));
        Assert.Contains(message, error.Message);
    }
}
