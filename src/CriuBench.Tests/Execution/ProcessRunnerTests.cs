using System.Diagnostics;
using CriuBench.Execution;

namespace CriuBench.Tests.Execution;

/// <summary>The runner against real programs: exit codes, output, time limits, and children that outlive it.</summary>
[Trait("Category", "Unit")]
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

    [Fact(Timeout = 30_000)]
    public async Task A_command_over_its_time_limit_is_killed_with_its_children()
    {
        using var pids = new Support.TempDirectory();
        var clock = Stopwatch.StartNew();
        await Assert.ThrowsAsync<TimeoutException>(() => runner.RunAsync(SleeperWritingPids(pids.Path).WithTimeout(TimeSpan.FromMilliseconds(500))));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10));
        await AssertGoneAsync(pids.Path);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_cancelled_command_is_killed_with_its_children()
    {
        using var pids = new Support.TempDirectory();
        using var cancel = new CancellationTokenSource();
        var running = runner.RunAsync(SleeperWritingPids(pids.Path), cancel.Token);
        while (!File.Exists(Path.Combine(pids.Path, "child"))) await Task.Delay(20);
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
        await AssertGoneAsync(pids.Path);
    }

    /// <summary>bash with a sleeping child; both PIDs are written to files once both run.</summary>
    private static Command SleeperWritingPids(string directory) =>
        Command.Of("bash", "-c", "sleep 60 & echo $! > \"$1/child.tmp\"; echo $$ > \"$1/parent\"; mv \"$1/child.tmp\" \"$1/child\"; wait", "_", directory);

    /// <summary>Both PIDs have left /proc, or are zombies waiting for a (slow) reaper: nothing runs any more.</summary>
    private static async Task AssertGoneAsync(string directory)
    {
        var pids = new[] { "parent", "child" }.Select(name => File.ReadAllText(Path.Combine(directory, name)).Trim()).ToList();
        var deadline = Stopwatch.StartNew();
        while (pids.Any(IsRunning) && deadline.Elapsed < TimeSpan.FromSeconds(5)) await Task.Delay(50);
        Assert.All(pids, pid => Assert.False(IsRunning(pid), $"process {pid} still runs: {State(pid)}"));
    }

    private static bool IsRunning(string pid) => State(pid) is { } state && state != "Z" && state != "X";

    /// <summary>The state letter from /proc/PID/stat (after the command name in parentheses), or null when gone.</summary>
    private static string? State(string pid)
    {
        try { var stat = File.ReadAllText($"/proc/{pid}/stat"); return stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[0]; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
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
