namespace CriuBench.Execution;

/// <summary>What one execution did and how long it took, by the controller's clock.</summary>
public sealed record CommandResult(
    Command Command,
    int ExitCode,
    string StandardOutput,
    string StandardError,
    DateTimeOffset StartedAt,
    TimeSpan Duration)
{
    /// <summary>How long starting the process took (fork and exec, as Process.Start returns): part of <see cref="Duration"/>.</summary>
    public TimeSpan SpawnDuration { get; init; }

    public bool Succeeded => ExitCode == 0;

    public CommandResult EnsureSuccess() => Succeeded ? this : throw new CommandFailedException(this);
}
