namespace CriuBench.Execution;

/// <summary>Executes commands on the controller. Hosts build on it; tests may fake it.</summary>
public interface ICommandRunner
{
    /// <summary>Runs to completion and returns the result whatever the exit code.</summary>
    Task<CommandResult> RunAsync(Command command, CancellationToken cancellationToken = default);

    /// <summary>Runs with standard output streamed to <paramref name="consumeOutput"/> instead of buffered.</summary>
    Task<CommandResult> RunStreamingAsync(Command command, Func<Stream, Task> consumeOutput, CancellationToken cancellationToken = default);
}
