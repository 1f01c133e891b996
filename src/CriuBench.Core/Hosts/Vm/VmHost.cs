using CriuBench.Execution;

namespace CriuBench.Hosts.Vm;

/// <summary>
/// A VM of the lab as an <see cref="IHost"/>: commands run over ssh (host key checked,
/// connection reused) from the controller. Other hosts reach it over the direct link.
/// </summary>
public sealed class VmHost(VmMachine machine, ICommandRunner runner) : IHost
{
    public const string HostKind = "vm-qemu";

    public string Name => Machine.Name;
    public string Kind => HostKind;
    public VmMachine Machine { get; } = machine;

    /// <summary>The peer's way in, for code that still takes <see cref="SshAccess"/> (its key files live inside the VMs).</summary>
    public SshAccess Ssh => new(Machine.Peer.User, Machine.Peer.Address, Machine.Peer.Port, Machine.Peer.IdentityFile);

    public Task<CommandResult> RunAsync(Command command, CancellationToken cancellationToken = default) =>
        runner.RunAsync(Machine.Control.Wrap(command), cancellationToken);

    public Task<CommandResult> RunStreamingAsync(Command command, Func<Stream, Task> consumeOutput, CancellationToken cancellationToken = default) =>
        runner.RunStreamingAsync(Machine.Control.Wrap(command), consumeOutput, cancellationToken);

    public override string ToString() => Name;
}
