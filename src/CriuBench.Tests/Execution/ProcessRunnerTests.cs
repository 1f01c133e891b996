using System.Diagnostics;
using CriuBench.Execution;

namespace CriuBench.Tests.Execution;

/// <summary>The runner against real programs: exit codes, output, time limits, and children that outlive it.</summary>
public class ProcessRunnerTests
{
    private readonly ProcessRunner runner = ProcessRunner.Instance;

    [Fact]
    public async Task Arguments_reach_the_program_unsplit_and_output_comes_back()
    {
        var result = await runner.RunAsync(Command.Of("printf", "%s|", "a b", "c'd", "$HOME"));
        Assert.True(result.Succeeded);
        Assert.Equal("a b|c'd|$HOME|", result.StandardOutput);
    }

    [Fact]
    public async Task A_failing_command_reports_its_exit_code_and_error_output()
    {
        var result = await runner.RunAsync(Command.Of("bash", "-c", "echo broken >&2; exit 3"));
        Assert.Equal(3, result.ExitCode);
        var error = Assert.Throws<CommandFailedException>(() => result.EnsureSuccess());
        Assert.Contains("broken", error.Message);
        Assert.Contains("exited with 3", error.Message);
    }

    [Fact]
    public async Task Standard_input_is_written_and_closed()
    {
        var result = await runner.RunAsync(Command.Of("cat") with { StandardInput = "hello\n" });
        Assert.Equal("hello\n", result.StandardOutput);
    }

    [Fact]
    public async Task A_command_over_its_time_limit_is_killed()
    {
        var clock = Stopwatch.StartNew();
        await Assert.ThrowsAsync<TimeoutException>(() => runner.RunAsync(Command.Of("sleep", "30").WithTimeout(TimeSpan.FromMilliseconds(300))));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_child_left_holding_the_output_pipe_does_not_hang_the_harness()
    {
        var clock = Stopwatch.StartNew();
        var result = await runner.RunAsync(Command.Of("bash", "-c", "echo started; (sleep 6 &) ; exit 0"));
        Assert.True(result.Succeeded);
        Assert.StartsWith("started", result.StandardOutput);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_missing_program_says_how_to_install_it()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => runner.RunAsync(Command.Of("criubench-no-such-program")));
        Assert.Contains("setup.sh", error.Message);
    }

    [Fact]
    public async Task Streamed_output_reaches_the_consumer()
    {
        var received = new MemoryStream();
        var result = await runner.RunStreamingAsync(Command.Of("head", "-c", "100000", "/dev/zero"), stream => stream.CopyToAsync(received));
        Assert.True(result.Succeeded);
        Assert.Equal(100000, received.Length);
    }
}
