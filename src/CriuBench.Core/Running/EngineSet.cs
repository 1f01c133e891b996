using CriuBench.Hosts;
using CriuBench.Workloads;

namespace CriuBench.Running;

/// <summary>The engines a run uses, each prepared on every host once, and shut down at the end.</summary>
internal sealed class EngineSet(IReadOnlyList<IHost> hosts, CancellationToken ct) : IAsyncDisposable
{
    private readonly Dictionary<string, IWorkloadEngine> engines = [];

    public async Task<IWorkloadEngine> GetAsync(string name)
    {
        if (engines.TryGetValue(name, out var engine)) return engine;
        engine = WorkloadEngines.Create(name);
        engines[name] = engine;
        foreach (var host in hosts) await engine.PrepareHostAsync(host, ct);
        return engine;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var engine in engines.Values)
        foreach (var host in hosts)
            await engine.ShutdownAsync(host, CancellationToken.None);
    }
}
