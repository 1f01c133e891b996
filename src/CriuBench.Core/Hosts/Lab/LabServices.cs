using CriuBench.Execution;

namespace CriuBench.Hosts.Lab;

/// <summary>The lab's client host and service address (<see cref="LabServiceNetwork"/>), moved by the controller between the hosts' namespaces.</summary>
internal sealed class LabServices(LabLayout layout, IHost client, ICommandRunner runner) : IServiceNetwork
{
    private readonly HashSet<string> holding = [];

    public IHost Client { get; } = client;
    public string Address => LabLayout.ServiceAddress;

    public async Task MoveAsync(string from, string to, CancellationToken ct)
    {
        if (from == to) return;
        foreach (var command in LabServiceNetwork.Move(layout, layout.NetworkNamespace(from), layout.NetworkNamespace(to)))
            (await runner.RunAsync(command, ct)).EnsureSuccess();
    }

    public async Task HoldResetsAsync(string on, CancellationToken ct)
    {
        lock (holding) if (!holding.Add(on)) return;
        (await runner.RunAsync(LabServiceNetwork.HoldResets(layout.NetworkNamespace(on)), ct)).EnsureSuccess();
    }

    public async Task ReleaseResetsAsync(string on, CancellationToken ct)
    {
        lock (holding) if (!holding.Remove(on)) return;
        (await runner.RunAsync(LabServiceNetwork.ReleaseResets(layout.NetworkNamespace(on)), ct)).EnsureSuccess();
    }
}
