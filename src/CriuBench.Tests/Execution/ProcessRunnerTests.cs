using CriuBench.Execution;

namespace CriuBench.Tests.Execution;

/// <summary>The runner against real programs: arguments, exit codes, input, output, timing.</summary>
[Trait("Category", "Unit")]
public class ProcessRunnerTests
{
    private readonly ProcessRunner runner = ProcessRunner.Instance;

    [Fact(Timeout = 30_000)]
    public async Task Arguments_reach_the_program_unsplit_and_output_comes_back()
    {
        string[] arguments = ["a b", "c'd", "$HOME", "", "back\\slash", "trailing\\", "quote\"inside", "\\\"", "tab\tand\nnewline", "ünï", "*"];
        var result = await runner.RunAsync(Command.Of("printf", ["%s|", .. arguments]));
        Assert.True(result.Succeeded);
        Assert.Equal(string.Concat(arguments.Select(a => a + "|")), result.StandardOutput);
    }

    [Theory(Timeout = 30_000)]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(255)]
    public async Task The_result_carries_the_exit_code_whatever_it_is(int code)
    {
        var result = await runner.RunAsync(Command.Of("sh", "-c", "exit $1", "_", code.ToString()));
        Assert.Equal(code, result.ExitCode);
        Assert.Equal(code == 0, result.Succeeded);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_process_killed_by_a_signal_reports_128_plus_the_signal()
    {
        var result = await runner.RunAsync(Command.Of("sh", "-c", "kill -TERM $$"));
        Assert.Equal(128 + ProcessSignals.Terminate, result.ExitCode);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_failing_command_reports_its_exit_code_and_error_output()
    {
        var result = await runner.RunAsync(Command.Of("sh", "-c", "echo broken >&2; exit 3"));
        Assert.Equal(3, result.ExitCode);
        Assert.Equal("broken\n", result.StandardError);
        var error = Assert.Throws<CommandFailedException>(() => result.EnsureSuccess());
        Assert.Contains("broken", error.Message);
        Assert.Contains("exited with 3", error.Message);
    }

    [Fact(Timeout = 30_000)]
    public async Task Standard_input_is_written_and_closed()
    {
        var result = await runner.RunAsync(Command.Of("cat") with { StandardInput = "hello\nünï\n" });
        Assert.Equal("hello\nünï\n", result.StandardOutput);
    }

    [Fact(Timeout = 30_000)]
    public async Task Input_and_output_larger_than_a_pipe_buffer_flow_at_the_same_time()
    {
        var input = string.Concat(Enumerable.Range(0, 100_000).Select(i => $"{i}\n")); // ~590 KB, as a host asset may be
        var result = await runner.RunAsync(Command.Of("cat") with { StandardInput = input });
        Assert.Equal(input, result.StandardOutput);
    }

    [Fact(Timeout = 30_000)]
    public async Task Without_input_the_program_reads_end_of_file_at_once()
    {
        var result = await runner.RunAsync(Command.Of("cat"));
        Assert.True(result.Succeeded);
        Assert.Equal("", result.StandardOutput);
    }

    [Fact(Timeout = 30_000)]
    public async Task Input_the_program_never_reads_does_not_fail_the_command()
    {
        var result = await runner.RunAsync(Command.Of("true") with { StandardInput = new string('x', 1 << 20) });
        Assert.True(result.Succeeded);
    }

    [Fact(Timeout = 30_000)]
    public async Task Output_larger_than_a_pipe_buffer_comes_back_whole()
    {
        var result = await runner.RunAsync(Command.Of("sh", "-c", "head -c 1000000 /dev/zero | tr '\\0' a; head -c 300000 /dev/zero | tr '\\0' b >&2"));
        Assert.Equal(1_000_000, result.StandardOutput.Length);
        Assert.Equal(300_000, result.StandardError.Length);
    }

    [Fact(Timeout = 30_000)]
    public async Task The_command_runs_in_its_working_directory()
    {
        using var directory = new Support.TempDirectory();
        var result = await runner.RunAsync(Command.Of("pwd") with { WorkingDirectory = directory.Path });
        Assert.Equal(directory.Path + "\n", result.StandardOutput);
    }

    [Fact(Timeout = 30_000)]
    public async Task The_result_is_timed_by_the_controller_clock()
    {
        var before = DateTimeOffset.UtcNow;
        var result = await runner.RunAsync(Command.Of("sleep", "0.3"));
        Assert.InRange(result.StartedAt, before, DateTimeOffset.UtcNow);
        Assert.InRange(result.Duration, TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(10));
        Assert.InRange(result.SpawnDuration, TimeSpan.FromTicks(1), result.Duration);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_missing_program_says_how_to_install_it()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => runner.RunAsync(Command.Of("criubench-no-such-program")));
        Assert.Contains("criubench-no-such-program", error.Message);
        Assert.Contains("scripts/setup.sh installs it", error.Message);
    }

    [Fact(Timeout = 30_000)]
    public async Task Streamed_output_reaches_the_consumer_and_error_output_is_kept()
    {
        var received = new MemoryStream();
        var result = await runner.RunStreamingAsync(Command.Of("sh", "-c", "head -c 100000 /dev/zero; echo done >&2"), stream => stream.CopyToAsync(received));
        Assert.True(result.Succeeded);
        Assert.Equal(100000, received.Length);
        Assert.Equal("", result.StandardOutput);
        Assert.Equal("done\n", result.StandardError);
    }

    [Fact(Timeout = 30_000)]
    public async Task Output_the_consumer_leaves_unread_is_drained_so_the_program_finishes()
    {
        var result = await runner.RunStreamingAsync(Command.Of("head", "-c", "1000000", "/dev/zero"), _ => Task.CompletedTask);
        Assert.True(result.Succeeded);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_consumer_that_fails_fails_the_command()
    {
        var error = await Assert.ThrowsAsync<IOException>(() =>
            runner.RunStreamingAsync(Command.Of("head", "-c", "1000000", "/dev/zero"), _ => throw new IOException("disk full")));
        Assert.Equal("disk full", error.Message);
    }
}
