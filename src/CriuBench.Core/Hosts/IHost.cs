using CriuBench.Execution;

namespace CriuBench.Hosts;

/// <summary>
/// A machine a workload can run on. Everything the harness does there goes through
/// <see cref="RunAsync"/>, so a lab namespace, an SSH host or a VM are interchangeable.
/// </summary>
public interface IHost
{
    string Name { get; }

    /// <summary>What kind of host this is, for result rows ("lab-netns", "ssh").</summary>
    string Kind { get; }

    /// <summary>How the other hosts reach this one's sshd.</summary>
    SshAccess Ssh { get; }

    Task<CommandResult> RunAsync(Command command, CancellationToken cancellationToken = default);

    Task<CommandResult> RunStreamingAsync(Command command, Func<Stream, Task> consumeOutput, CancellationToken cancellationToken = default);
}
