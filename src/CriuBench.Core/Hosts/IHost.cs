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

    /// <summary>
    /// Unique among the hosts on the machine that runs it (a lab host: its network namespace's
    /// name, e.g. "cb-tc1-src"). Names what the harness makes for this host outside its disk,
    /// such as its cgroups, so a lab's teardown finds them.
    /// </summary>
    string Identity => Name;

    /// <summary>How the other hosts reach this one's sshd.</summary>
    SshAccess Ssh { get; }

    Task<CommandResult> RunAsync(Command command, CancellationToken cancellationToken = default);

    Task<CommandResult> RunStreamingAsync(Command command, Func<Stream, Task> consumeOutput, CancellationToken cancellationToken = default);
}
