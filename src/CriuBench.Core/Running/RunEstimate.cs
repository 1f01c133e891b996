using System.Globalization;
using CriuBench.Measurements;
using CriuBench.Vocabulary;

namespace CriuBench.Running;

/// <summary>
/// How long a planned run will take, and how that was estimated (`run --dry-run` prints both):
/// the hosts' bring-up as just measured, the harness's warm-up migration, per strategy and rate
/// its set-up, per cell the workload's start (until its first lines) and stop, and per migration
/// the median whole-migration time of the same cell in an earlier run where there is one, else a
/// model: a fixed cost of the harness's phases, the images over the link, and the restore's
/// first touch of the memory; plus the pause between migrations (three of the workload's intervals).
/// </summary>
public sealed record RunEstimate(TimeSpan Total, int MeasuredCells, int ModelledCells, IReadOnlyList<string> How)
{
    /// <summary>Every migration's phases besides moving and restoring memory (ssh sessions, sync, verify, statistics): 0.2-0.5 s on the netns lab (2026-12-03).</summary>
    public static readonly TimeSpan MigrationOverhead = TimeSpan.FromSeconds(0.5);

    /// <summary>Starting a workload until its first lines, checking its files, its whole output at the end, stopping it: about 1 s a cell.</summary>
    public static readonly TimeSpan CellOverhead = TimeSpan.FromSeconds(1);

    /// <summary>Setting a strategy up and down (an sshfs mount takes about 1.5 s) for each link rate.</summary>
    public static readonly TimeSpan StrategySetUp = TimeSpan.FromSeconds(1.5);

    /// <summary>The throwaway counter migrated once before the first cell.</summary>
    public static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(2);

    /// <summary>Memory a restore touches for the first time fills at 145-160 MB/s on these machines (ENVIRONMENT, 2026-11-29).</summary>
    public const double RestoreBytesPerSecond = 150e6;

    /// <summary>One ssh stream moves about 100 MB/s here, whatever the link allows.</summary>
    public const double SshBytesPerSecond = 100e6;

    /// <summary>A workload that states no memory: its images weigh about half a MiB (the counter's 0.45 MiB).</summary>
    public const long SmallImageBytes = 512 * 1024;

    public static RunEstimate For(RunPlan plan, int repetitions, TimeSpan hostsUp, IReadOnlyList<MigrationRecord> earlier, string? earlierRun = null)
    {
        var total = hostsUp + WarmUp;
        var setUps = plan.Cells.Select(cell => (cell.Rate.Label, cell.Strategy.Name)).Distinct().Count();
        total += setUps * StrategySetUp;
        int measured = 0, modelled = 0;
        foreach (var cell in plan.Cells)
        {
            var typical = Median(earlier, cell);
            if (typical is null) modelled++; else measured++;
            var migration = typical ?? Modelled(cell);
            total += CellOverhead + SuiteRunner.SettleTime(cell.Spec) + repetitions * (migration + SuiteRunner.SettleTime(cell.Spec));
        }
        var how = new List<string>
        {
            $"hosts up {Seconds(hostsUp)} (measured just now) + the warm-up migration {Seconds(WarmUp)}",
            $"+ {setUps} strategy set-up(s) x {Seconds(StrategySetUp)} + {plan.Cells.Count} cell(s) x {Seconds(CellOverhead)} to start (until the first lines) and stop each workload",
            $"+ {plan.Cells.Count * repetitions} migration(s), each with a pause of three workload intervals after it, and lasting:",
        };
        if (measured > 0) how.Add($"    for {measured} cell(s) the median total_time_ms of the same workload, strategy, mode and rate in {earlierRun ?? "an earlier run"}");
        if (modelled > 0)
            how.Add($"    for {modelled} cell(s) a model: {Seconds(MigrationOverhead)} of harness phases + the images (the workload's memory, else {SmallImageBytes / 1024} KiB) "
                + $"over the link (at most {SshBytesPerSecond / 1e6:0} MB/s for one ssh stream) + the restore touching that memory at {RestoreBytesPerSecond / 1e6:0} MB/s");
        return new RunEstimate(total, measured, modelled, how);
    }

    /// <summary>The model's time for one migration of the cell.</summary>
    public static TimeSpan Modelled(PlannedCell cell)
    {
        var bytes = (double)(cell.Spec.MinimumImageBytes ?? SmallImageBytes);
        var link = Math.Min(cell.Rate.BytesPerSecond ?? SshBytesPerSecond, SshBytesPerSecond);
        return MigrationOverhead + TimeSpan.FromSeconds(bytes / link + bytes / RestoreBytesPerSecond);
    }

    private static TimeSpan? Median(IReadOnlyList<MigrationRecord> earlier, PlannedCell cell)
    {
        var times = earlier.Where(row => row.Succeeded && row.Workload == cell.Spec.Name && row.Strategy == cell.Strategy.Name
                && row.Mode == cell.Mode.Name && row.LinkRate == cell.Rate.Label && row.TotalTimeMs is > 0)
            .Select(row => row.TotalTimeMs!.Value).Order().ToList();
        return times.Count == 0 ? null : TimeSpan.FromMilliseconds(times[times.Count / 2]);
    }

    public static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";

    /// <summary>"about 3 min 20 s", "about 45 s".</summary>
    public static string Describe(TimeSpan time) =>
        time.TotalMinutes >= 1 ? $"about {(int)time.TotalMinutes} min {time.Seconds} s" : $"about {Math.Ceiling(time.TotalSeconds):0} s";
}
