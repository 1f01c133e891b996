using System.Globalization;
using CriuBench.Execution;

namespace CriuBench.Hosts.Ssh;

/// <summary>
/// A host reached over ssh: every command runs there through one reused connection. ssh joins its
/// remote arguments into one line for the remote shell, so each argument is quoted
/// (<see cref="ShellQuoting.CommandLine"/>), never concatenated raw. A command's time limit
/// also runs on the host (`timeout -s KILL`), so a limit ends the remote process, not only ssh.
/// </summary>
public sealed class SshHost(SshEndpoint endpoint, string kind, ICommandRunner runner) : IHost
{
    public string Name => endpoint.Name;
    public string Kind { get; } = kind;
    public string Identity => $"{endpoint.Name}-{endpoint.Control.Address}-{endpoint.Control.Port}".Replace(':', '_');
    public SshAccess Ssh => endpoint.Peer;
    public SshAccess Control => endpoint.Control;

    /// <summary>The ssh command that runs <paramref name="command"/> on the host.</summary>
    public Command Wrap(Command command)
    {
        // A little longer locally than remotely, so the remote kill is what ends a hung command.
        var remote = Command.Of("timeout", ["-s", "KILL", Seconds(command.Timeout), command.Program, .. command.Arguments]);
        if (command.WorkingDirectory is { } directory)
            remote = Command.Of("sh", ["-c", "cd \"$1\" && shift && exec \"$@\"", "in-directory", directory, remote.Program, .. remote.Arguments]);
        return Command.Of("ssh", [.. endpoint.Control.SshOptions, "-o", "ServerAliveInterval=5", "-o", "ServerAliveCountMax=3",
                endpoint.Control.Target, "--", ShellQuoting.CommandLine(remote)])
            with { StandardInput = command.StandardInput, Timeout = command.Timeout + TimeSpan.FromSeconds(15) };
    }

    public Task<CommandResult> RunAsync(Command command, CancellationToken cancellationToken = default) =>
        runner.RunAsync(Wrap(command), cancellationToken);

    public Task<CommandResult> RunStreamingAsync(Command command, Func<Stream, Task> consumeOutput, CancellationToken cancellationToken = default) =>
        runner.RunStreamingAsync(Wrap(command), consumeOutput, cancellationToken);

    /// <summary>Ends the reused connection (the ControlMaster), if one is open.</summary>
    public Task<CommandResult> CloseAsync(CancellationToken ct = default) =>
        runner.RunAsync(Command.Of("ssh", [.. endpoint.Control.SshOptions, "-O", "exit", endpoint.Control.Target]), ct);

    private static string Seconds(TimeSpan time) => Math.Ceiling(time.TotalSeconds).ToString(CultureInfo.InvariantCulture);

    public override string ToString() => Name;
}
