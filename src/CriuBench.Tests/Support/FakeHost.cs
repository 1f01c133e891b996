using CriuBench.Execution;
using CriuBench.Hosts;

namespace CriuBench.Tests.Support;

/// <summary>A host whose commands go, unwrapped, to a (fake) runner: tests read exactly what a strategy asked for.</summary>
internal sealed class FakeHost(string name, string address, ICommandRunner runner) : IHost
{
    public string Name { get; } = name;
    public string Kind => "fake";
    public SshAccess Ssh { get; } = new("root", address, 22, "/keys/id_ed25519");

    public Task<CommandResult> RunAsync(Command command, CancellationToken cancellationToken = default) =>
        runner.RunAsync(command, cancellationToken);

    public Task<CommandResult> RunStreamingAsync(Command command, Func<Stream, Task> consumeOutput, CancellationToken cancellationToken = default) =>
        runner.RunStreamingAsync(command, consumeOutput, cancellationToken);

    public override string ToString() => Name;
}
