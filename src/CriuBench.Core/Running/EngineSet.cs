using CriuBench.Hosts;
using CriuBench.Workloads;

namespace CriuBench.Running;

/// <summary>The plan's engines, each prepared on every host before its first workload, and shut down at the end.</summary>
internal sealed class EngineSet(IReadOnlyList<IHost> hosts, CancellationToken ct) : IAsyncDisposable
{
    private readonly List<IWorkloadEngine> prepared = [];

    public async Task<IWorkloadEngine> PrepareAsync(IWorkloadEngine engine)
    {
        if (prepared.Contains(engine)) return engine;
        prepared.Add(engine);
        foreach (var host in hosts) await engine.PrepareHostAsync(host, ct);
        return engine;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var engine in prepared)
        foreach (var host in hosts)
            await engine.ShutdownAsync(host, CancellationToken.None);
    }
}
