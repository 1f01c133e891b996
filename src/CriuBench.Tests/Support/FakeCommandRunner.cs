using CriuBench.Execution;

namespace CriuBench.Tests.Support;

/// <summary>Records the commands it is given and answers each with <see cref="Answer"/>, without running anything.</summary>
internal sealed class FakeCommandRunner : ICommandRunner
{
    public List<Command> Commands { get; } = [];

    public Func<Command, (int ExitCode, string Stdout, string Stderr)> Answer { get; init; } = _ => (0, "", "");

    public Task<CommandResult> RunAsync(Command command, CancellationToken cancellationToken = default)
    {
        Commands.Add(command);
        var (exitCode, stdout, stderr) = Answer(command);
        return Task.FromResult(new CommandResult(command, exitCode, stdout, stderr, DateTimeOffset.UnixEpoch, TimeSpan.Zero));
    }

    /// <summary>As a real runner: the consumer reads the answer's stdout, then the result comes back.</summary>
    public async Task<CommandResult> RunStreamingAsync(Command command, Func<Stream, Task> consumeOutput, CancellationToken cancellationToken = default)
    {
        var result = await RunAsync(command, cancellationToken);
        await consumeOutput(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(result.StandardOutput)));
        return result;
    }
}
