using CriuBench.Execution;

namespace CriuBench.Hosts.Lab;

/// <summary>
/// A lab host: a network namespace (its own interface and address) plus a mount namespace in
/// which <see cref="HostPaths.Disk"/> is its own directory. Commands enter both through
/// workloads/enter-host, a static helper that does what `nsenter --net --mount` does 1.3 ms sooner
/// (four commands run inside each stop window). `ip netns exec` is not used because it makes a
/// private mount namespace per command, which would hide network mounts from later commands.
/// </summary>
public sealed class LabHost(string name, LabLayout layout, ICommandRunner runner) : IHost
{
    public string Name { get; } = name;
    public string Kind => "lab-netns";
    public string Identity => layout.NetworkNamespace(Name);
    public string Address => LabLayout.AddressOf(Name);
    public SshAccess Ssh => new("root", Address, 22, layout.ClientKey, ControlDirectory: layout.SshDirectory,
        KnownHostsFile: LabSsh.KnownHostsFile(layout));

    public Command Wrap(Command command) =>
        command.RunBy(EnterHost.Value, layout.NetworkNamespaceFile(Name), layout.MountNamespaceFile(Name));

    private static readonly Lazy<string> EnterHost = new(() => WorkloadAssets.File("bin/enter-host"));

    public Task<CommandResult> RunAsync(Command command, CancellationToken cancellationToken = default) =>
        runner.RunAsync(Wrap(command), cancellationToken);

    public Task<CommandResult> RunStreamingAsync(Command command, Func<Stream, Task> consumeOutput, CancellationToken cancellationToken = default) =>
        runner.RunStreamingAsync(Wrap(command), consumeOutput, cancellationToken);

    public override string ToString() => Name;
}
