using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using CliWrap;

namespace CriuBench.Execution;

/// <summary>
/// Runs commands as child processes through CliWrap: arguments as a list, the time limit and the
/// caller's cancellation through its forceful token (which kills the whole process tree), and no
/// exit-code validation, since callers decide from the result. On top: the controller's clock
/// (start, spawn, duration) and <see cref="OutputCutoff"/> for daemons left holding the output.
/// </summary>
public sealed class ProcessRunner : ICommandRunner
{
    public static ProcessRunner Instance { get; } = new();

    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    public async Task<CommandResult> RunAsync(Command command, CancellationToken cancellationToken = default)
    {
        var output = new StringBuilder();
        var error = new StringBuilder();
        var (exitCode, startedAt, spawned, duration) =
            await RunCoreAsync(command, PipeTarget.ToStringBuilder(output, Utf8), PipeTarget.ToStringBuilder(error, Utf8), cancellationToken);
        return new CommandResult(command, exitCode, output.ToString(), error.ToString(), startedAt, duration) { SpawnDuration = spawned };
    }

    public async Task<CommandResult> RunStreamingAsync(Command command, Func<Stream, Task> consumeOutput, CancellationToken cancellationToken = default)
    {
        var error = new StringBuilder();
        var (exitCode, startedAt, spawned, duration) =
            await RunCoreAsync(command, Consumer(consumeOutput), PipeTarget.ToStringBuilder(error, Utf8), cancellationToken);
        return new CommandResult(command, exitCode, "", error.ToString(), startedAt, duration) { SpawnDuration = spawned };
    }

    private static async Task<(int ExitCode, DateTimeOffset StartedAt, TimeSpan Spawned, TimeSpan Duration)> RunCoreAsync(
        Command command, PipeTarget output, PipeTarget error, CancellationToken cancellationToken)
    {
        using var cutoff = new OutputCutoff();
        var cli = Cli.Wrap(command.Program)
            .WithArguments(command.Arguments)
            .WithStandardInputPipe(command.StandardInput is { } input ? PipeSource.FromString(input, Utf8) : PipeSource.Null)
            .WithStandardOutputPipe(cutoff.Guard(output))
            .WithStandardErrorPipe(cutoff.Guard(error))
            .WithValidation(CommandResultValidation.None);
        if (command.WorkingDirectory is { } directory) cli = cli.WithWorkingDirectory(directory);

        cancellationToken.ThrowIfCancellationRequested();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(command.Timeout);
        var startedAt = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var spawned = TimeSpan.Zero;
        CommandTask<CliWrap.CommandResult> running;
        try
        {
            // The overload that hands over the started process, only to see it exit.
            running = cli.ExecuteAsync(null, process =>
            {
                spawned = clock.Elapsed;
                cutoff.Watch(process);
            }, limit.Token, CancellationToken.None);
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException)
        {
            throw new InvalidOperationException($"cannot start `{command}`: {e.Message} (is {command.Program} installed? scripts/setup.sh installs it)", e);
        }

        try
        {
            var result = await running;
            return (result.ExitCode, startedAt, spawned, clock.Elapsed);
        }
        // CliWrap says TimeoutException when a killed process did not exit within 3 s (stuck in the kernel).
        catch (Exception e) when (limit.IsCancellationRequested && e is OperationCanceledException or TimeoutException)
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw new TimeoutException($"`{command}` did not finish within {command.Timeout.TotalSeconds:0} s and was killed", e);
        }
    }

    /// <summary>
    /// Standard output handed to <paramref name="consume"/>; what it leaves unread is drained, so the
    /// child never blocks on a full pipe. The consumer takes no token: a cutoff abandons it.
    /// </summary>
    private static PipeTarget Consumer(Func<Stream, Task> consume) => PipeTarget.Create(async (origin, cancellationToken) =>
    {
        await consume(origin).WaitAsync(cancellationToken);
        await origin.CopyToAsync(Stream.Null, cancellationToken);
    });
}
