using CriuBench.Measurements;

namespace CriuBench.Migration;

/// <summary>Where a service migration's client timeline goes (client-timeline.csv in a run).</summary>
public interface IClientTimelineLog
{
    Task AppendAsync(IReadOnlyList<ClientSampleRecord> slices, CancellationToken ct);
}

/// <summary>Slices kept in memory: for callers without a run directory, and for tests.</summary>
public sealed class MemoryClientTimelineLog : IClientTimelineLog
{
    private readonly List<ClientSampleRecord> slices = [];

    public IReadOnlyList<ClientSampleRecord> Slices { get { lock (slices) return slices.ToList(); } }

    public Task AppendAsync(IReadOnlyList<ClientSampleRecord> more, CancellationToken ct)
    {
        lock (slices) slices.AddRange(more);
        return Task.CompletedTask;
    }
}
