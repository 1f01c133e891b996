using System.Diagnostics;
using CliWrap.Buffered;
using CriuBench.Execution;
using Command = CriuBench.Execution.Command;

namespace CriuBench.Tests.Execution;

/// <summary>
/// A command that leaves a process behind holding its stdout (a daemon, a <c>setsid -f</c>
/// launcher): plain CliWrap waits until that process closes the pipe, so the runner keeps
/// <see cref="OutputCutoff"/> on top of it. The daemon itself is left running: it is meant to outlive the command.
/// </summary>
[Trait("Category", "Unit")]
public class DaemonOutputTests
{
    private static readonly TimeSpan LongerThanTheGrace = OutputCutoff.Grace * 3;

    [Theory(Timeout = 60_000)]
    [InlineData("background")]
    [InlineData("setsid")]
    public async Task Plain_CliWrap_waits_for_a_process_left_holding_the_output_pipe(string how)
    {
        using var pids = new Support.TempDirectory();
        var plain = CliWrap.Cli.Wrap("sh").WithArguments(["-c", LeaveDaemon(how), "_", pids.Path]).ExecuteBufferedAsync();
        try
        {
            var first = await Task.WhenAny(plain.Task, Task.Delay(LongerThanTheGrace));
            Assert.NotSame(plain.Task, first); // if this fails, CliWrap ends the copy by itself and OutputCutoff can go
        }
        finally
        {
            await KillDaemonAsync(pids.Path);
        }
        var result = await plain.Task.WaitAsync(TimeSpan.FromSeconds(10)); // the pipe closed with the daemon
        Assert.Equal("started\n", result.StandardOutput);
    }

    [Theory(Timeout = 60_000)]
    [InlineData("background")]
    [InlineData("setsid")]
    public async Task A_process_left_holding_the_output_pipe_does_not_hang_the_runner(string how)
    {
        using var pids = new Support.TempDirectory();
        try
        {
            var clock = Stopwatch.StartNew();
            var result = await ProcessRunner.Instance.RunAsync(Command.Of("sh", "-c", LeaveDaemon(how), "_", pids.Path));
            Assert.InRange(clock.Elapsed, OutputCutoff.Grace, LongerThanTheGrace);
            Assert.True(result.Succeeded);
            Assert.Equal("started\n", result.StandardOutput);
            Assert.True(ProcState.IsRunning(ProcState.Read(pids.Path, "daemon")[0]), "the runner ended the daemon");
        }
        finally
        {
            await KillDaemonAsync(pids.Path);
        }
    }

    [Fact(Timeout = 60_000)]
    public async Task A_process_left_holding_the_output_pipe_does_not_hang_a_streaming_command()
    {
        using var pids = new Support.TempDirectory();
        try
        {
            var received = new MemoryStream();
            var clock = Stopwatch.StartNew();
            var result = await ProcessRunner.Instance.RunStreamingAsync(Command.Of("sh", "-c", LeaveDaemon("background"), "_", pids.Path), stream => stream.CopyToAsync(received));
            Assert.InRange(clock.Elapsed, OutputCutoff.Grace, LongerThanTheGrace);
            Assert.True(result.Succeeded);
            Assert.Equal("started\n"u8.ToArray(), received.ToArray());
        }
        finally
        {
            await KillDaemonAsync(pids.Path);
        }
    }

    [Fact(Timeout = 60_000)]
    public async Task Output_the_daemon_writes_within_the_grace_is_kept()
    {
        using var pids = new Support.TempDirectory();
        try
        {
            var result = await ProcessRunner.Instance.RunAsync(Command.Of("sh", "-c",
                "(sleep 0.3; echo late; exec sleep 30) & echo $! > \"$1/daemon\"; echo started", "_", pids.Path));
            Assert.Equal("started\nlate\n", result.StandardOutput);
        }
        finally
        {
            await KillDaemonAsync(pids.Path);
        }
    }

    /// <summary>Prints "started" and leaves a sleeper behind that holds stdout and stderr; its PID goes to $1/daemon.</summary>
    private static string LeaveDaemon(string how) => how switch
    {
        "background" => "sleep 30 & echo $! > \"$1/daemon\"; echo started",
        "setsid" => "setsid -f sh -c 'echo $$ > \"$1/daemon\"; exec sleep 30' _ \"$1\"; while [ ! -s \"$1/daemon\" ]; do sleep 0.01; done; echo started",
        _ => throw new ArgumentOutOfRangeException(nameof(how)),
    };

    private static async Task KillDaemonAsync(string directory)
    {
        if (!File.Exists(Path.Combine(directory, "daemon"))) return;
        var pid = ProcState.Read(directory, "daemon")[0];
        ProcessSignals.Send(pid, ProcessSignals.Kill);
        await ProcState.AssertGoneAsync(pid);
    }
}
