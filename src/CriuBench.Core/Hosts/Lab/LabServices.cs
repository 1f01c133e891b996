using CriuBench.Execution;

namespace CriuBench.Hosts.Lab;

/// <summary>The lab's client host and service address (<see cref="LabServiceNetwork"/>), moved by the controller between the hosts' namespaces.</summary>
internal sealed class LabServices(LabLayout layout, IHost client, ICommandRunner runner) : IServiceNetwork
{
    public IHost Client { get; } = client;
    public string Address => LabLayout.ServiceAddress;

    public async Task MoveAsync(string from, string to, CancellationToken ct)
    {
        if (from == to) return;
        foreach (var command in LabServiceNetwork.Move(layout, layout.NetworkNamespace(from), layout.NetworkNamespace(to)))
            (await runner.RunAsync(command, ct)).EnsureSuccess();
    }

    public async Task OpenAsync(string on, CancellationToken ct) =>
        (await runner.RunAsync(LabServiceNetwork.Open(layout, layout.NetworkNamespace(on)), ct)).EnsureSuccess();
}
