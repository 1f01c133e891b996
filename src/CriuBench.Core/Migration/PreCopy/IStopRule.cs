using CriuBench.Criu;

namespace CriuBench.Migration.PreCopy;

/// <summary>
/// When pre-copy stops sending rounds and makes the final dump. Asked after every round with CRIU's
/// stats-dump of each round so far (the last one just finished).
/// </summary>
public interface IStopRule
{
    /// <summary>As rows and suites name it.</summary>
    string Name { get; }

    /// <summary>Why to stop now, in words for the row; null to send another round.</summary>
    string? StopReason(IReadOnlyList<DumpStats> rounds);
}
