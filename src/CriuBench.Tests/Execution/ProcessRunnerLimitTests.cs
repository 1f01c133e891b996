using System.Diagnostics;
using CriuBench.Execution;

namespace CriuBench.Tests.Execution;

/// <summary>A time limit or a cancellation ends the whole process tree, grandchildren included, and says so.</summary>
[Trait("Category", "Unit")]
public class ProcessRunnerLimitTests
{
    private readonly ProcessRunner runner = ProcessRunner.Instance;

    [Fact(Timeout = 30_000)]
    public async Task A_command_over_its_time_limit_is_killed_with_its_children()
    {
        using var pids = new Support.TempDirectory();
        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<TimeoutException>(() => runner.RunAsync(SleeperWritingPids(pids.Path).WithTimeout(TimeSpan.FromSeconds(1))));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.EndsWith("did not finish within 1 s and was killed", error.Message);
        await ProcState.AssertGoneAsync(ProcState.Read(pids.Path, "parent", "child"));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_streaming_command_over_its_time_limit_is_killed_with_its_children()
    {
        using var pids = new Support.TempDirectory();
        await Assert.ThrowsAsync<TimeoutException>(() =>
            runner.RunStreamingAsync(SleeperWritingPids(pids.Path).WithTimeout(TimeSpan.FromSeconds(1)), stream => stream.CopyToAsync(Stream.Null)));
        await ProcState.AssertGoneAsync(ProcState.Read(pids.Path, "parent", "child"));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_cancelled_command_is_killed_with_its_children()
    {
        using var pids = new Support.TempDirectory();
        using var cancel = new CancellationTokenSource();
        var running = runner.RunAsync(SleeperWritingPids(pids.Path), cancel.Token);
        await ProcState.WaitForFileAsync(pids.Path, "child");
        cancel.Cancel();
        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
        Assert.Equal(cancel.Token, error.CancellationToken);
        await ProcState.AssertGoneAsync(ProcState.Read(pids.Path, "parent", "child"));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_command_cancelled_before_it_starts_does_not_run()
    {
        using var directory = new Support.TempDirectory();
        var marker = directory.File("ran");
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            runner.RunAsync(Command.Of("sh", "-c", "sleep 0.2; touch \"$1\"", "_", marker), new CancellationToken(canceled: true)));
        await Task.Delay(500);
        Assert.False(File.Exists(marker));
    }

    /// <summary>sh with a sleeping child; both PIDs are written to files once both run.</summary>
    private static Command SleeperWritingPids(string directory) =>
        Command.Of("sh", "-c", "sleep 60 & echo $! > \"$1/child.tmp\"; echo $$ > \"$1/parent\"; mv \"$1/child.tmp\" \"$1/child\"; wait", "_", directory);
}
