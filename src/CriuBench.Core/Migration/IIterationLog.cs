using CriuBench.Measurements;

namespace CriuBench.Migration;

/// <summary>Where a live mode's rounds go as they happen (iterations.csv in a run).</summary>
public interface IIterationLog
{
    Task AppendAsync(IterationRecord round, CancellationToken ct);
}

/// <summary>Rounds kept in memory: for callers without a run directory, and for tests.</summary>
public sealed class MemoryIterationLog : IIterationLog
{
    private readonly List<IterationRecord> rounds = [];

    public IReadOnlyList<IterationRecord> Rounds => rounds;

    public Task AppendAsync(IterationRecord round, CancellationToken ct)
    {
        lock (rounds) rounds.Add(round);
        return Task.CompletedTask;
    }
}
