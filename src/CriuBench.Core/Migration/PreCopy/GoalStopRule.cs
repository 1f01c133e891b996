using System.Globalization;
using CriuBench.Criu;

namespace CriuBench.Migration.PreCopy;

/// <summary>
/// Incus's (LXD's) rule, `migration.incremental.memory.goal` and `.iterations`: stop when the share
/// of pages a round skipped as unchanged since its parent, skipped / (skipped + written), exceeds
/// the goal (default 70 %), or after a number of rounds (default 10).
/// </summary>
public sealed class GoalStopRule(int goalPercent = 70, int maxRounds = 10) : IStopRule
{
    public const string RuleName = "goal";

    public string Name => RuleName;
    public int GoalPercent => goalPercent;
    public int MaxRounds => maxRounds;

    /// <summary>Percent of the round's pages that were skipped as in the parent; 0 for a round that saw no page.</summary>
    public static double SkippedPercent(DumpStats round) =>
        round.PagesSkippedParent + round.PagesWritten is var total and > 0 ? round.PagesSkippedParent * 100.0 / total : 0;

    public string? StopReason(IReadOnlyList<DumpStats> rounds)
    {
        var n = rounds.Count;
        var skipped = SkippedPercent(rounds[^1]);
        if (skipped > goalPercent)
            return Text($"round {n} skipped {skipped:0.#} % of its pages as unchanged: over the {goalPercent} % goal");
        return n >= maxRounds ? Text($"{n} rounds, the most allowed") : null;
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
