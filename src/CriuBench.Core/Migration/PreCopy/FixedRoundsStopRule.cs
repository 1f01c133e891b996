using System.Globalization;
using CriuBench.Criu;

namespace CriuBench.Migration.PreCopy;

/// <summary>A set number of rounds, whatever they wrote: hybrid's single pre-dump round.</summary>
public sealed class FixedRoundsStopRule(int rounds) : IStopRule
{
    public string Name => rounds == 1 ? "once" : $"rounds-{rounds}";

    public string? StopReason(IReadOnlyList<DumpStats> done) =>
        done.Count >= rounds ? string.Create(CultureInfo.InvariantCulture, $"{done.Count} round(s), as the mode does") : null;
}
