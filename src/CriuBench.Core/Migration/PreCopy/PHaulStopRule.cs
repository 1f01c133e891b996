using System.Globalization;
using CriuBench.Criu;

namespace CriuBench.Migration.PreCopy;

/// <summary>
/// p.haul's rule (phaul/iters.py): stop when a round wrote few pages (the rest fits the final
/// dump), when it wrote more than the round before by over a margin (the workload dirties memory
/// faster than it moves: more rounds would not converge), or after a number of rounds.
/// p.haul counts rounds from 0 and stops at index 8, i.e. after 9; here the limit is the count itself.
/// </summary>
public sealed class PHaulStopRule(int minPages = 64, int growPercent = 10, int maxRounds = 8) : IStopRule
{
    public const string RuleName = "phaul";

    public string Name => RuleName;
    public int MinPages => minPages;
    public int GrowPercent => growPercent;
    public int MaxRounds => maxRounds;

    public string? StopReason(IReadOnlyList<DumpStats> rounds)
    {
        var n = rounds.Count;
        var written = rounds[^1].PagesWritten;
        if (written <= minPages)
            return Text($"round {n} wrote {written} pages, at most {minPages}");
        if (n > 1 && rounds[^2].PagesWritten is var before and > 0)
        {
            var growth = (written - before) * 100.0 / before;
            if (growth > growPercent)
                return Text($"round {n} wrote {written} pages, {growth:0.#} % more than round {n - 1} ({before}): over {growPercent} %");
        }
        return n >= maxRounds ? Text($"{n} rounds, the most allowed") : null;
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
