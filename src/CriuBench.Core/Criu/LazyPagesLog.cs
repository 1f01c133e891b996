using System.Globalization;
using System.Text.RegularExpressions;

namespace CriuBench.Criu;

/// <summary>
/// Page counts of a post-copy migration, from CRIU's logs: in lazy mode stats-dump says 0 pages
/// written and 0 lazy, so the numbers are only in the text. The dump (at -v3) logs each memory
/// area's "Pagemap generated: N pages (M lazy)"; the lazy-pages daemon (at -v4) ends each task
/// with "UFFD transferred pages: (sent/total)" and logs every fetch as "Read ADDR N pages".
/// </summary>
public static partial class LazyPagesLog
{
    /// <summary>The dump's pages, all and lazy (left in the source for the daemon to fetch); null where the log has no pagemap lines.</summary>
    public static (long Pages, long Lazy)? DumpPages(string dumpLog)
    {
        long pages = 0, lazy = 0;
        var any = false;
        foreach (Match match in Pagemap().Matches(dumpLog))
        {
            pages += Long(match.Groups["pages"].Value);
            lazy += Long(match.Groups["lazy"].Value);
            any = true;
        }
        return any ? (pages, lazy) : null;
    }

    /// <summary>
    /// Pages the daemon transferred and the pages it had to, summed over the restored tasks; from
    /// the "Read ... N pages" lines when the summary lines are missing (a log below -v4, a daemon
    /// cut short: then Total is null). Null where the log shows no transfer at all.
    /// </summary>
    public static (long Transferred, long? Total)? DaemonPages(string daemonLog)
    {
        long transferred = 0, total = 0;
        var summaries = false;
        foreach (Match match in Transferred().Matches(daemonLog))
        {
            transferred += Long(match.Groups["sent"].Value);
            total += Long(match.Groups["total"].Value);
            summaries = true;
        }
        if (summaries) return (transferred, total);
        var reads = Reads().Matches(daemonLog);
        return reads.Count == 0 ? null : (reads.Sum(match => Long(match.Groups["pages"].Value)), null);
    }

    /// <summary>The dump's last word on the lazy transfer: true "finished successfully", false "FAILED", null neither (yet).</summary>
    public static bool? DumpTransferSucceeded(string dumpLog) =>
        dumpLog.Contains("Lazy pages transfer FAILED", StringComparison.Ordinal) ? false
        : dumpLog.Contains("Lazy pages transfer finished successfully", StringComparison.Ordinal) ? true
        : null;

    private static long Long(string digits) => long.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"Pagemap generated: (?<pages>[0-9]+) pages \((?<lazy>[0-9]+) lazy\)")]
    private static partial Regex Pagemap();

    [GeneratedRegex(@"UFFD transferred pages: \((?<sent>[0-9]+)/(?<total>[0-9]+)\)")]
    private static partial Regex Transferred();

    [GeneratedRegex(@"\bRead [0-9a-f]+ (?<pages>[0-9]+) pages\b")]
    private static partial Regex Reads();
}
