using CriuBench.Measurements;
using CriuBench.Reporting.Comparison;

namespace CriuBench.Tests.Reporting.Comparison;

[Trait("Category", "Unit")]
public sealed class WinnersTests
{
    private static IReadOnlyList<Winner> WinnersOf(IReadOnlyList<MigrationRecord> records) =>
        new ComparisonData(records, Summarizer.Summarize(records), SampleEnvironment.Create()).Winners;

    private static IEnumerable<MigrationRecord> Repetitions(string strategy, params double[] stopTimes) =>
        stopTimes.Select((stop, i) => ComparisonRecords.Migration("counter", strategy, stop, repetition: i + 1));

    [Fact]
    public void The_lowest_median_stop_time_wins_and_the_second_lowest_is_the_runner_up()
    {
        MigrationRecord[] records =
        [
            .. Repetitions("tar", 200, 210, 220, 230, 240),
            .. Repetitions("page-server", 100, 110, 120, 130, 140),
            .. Repetitions("rsync", 150, 160, 170, 180, 190),
        ];

        var winner = Assert.Single(WinnersOf(records));

        Assert.Equal(("counter", "100mbit", "page-server", 120.0), (winner.Workload, winner.LinkRate, winner.Best.Label, winner.Best.MedianMs));
        Assert.Equal("rsync", winner.RunnerUp!.Label);
        Assert.Equal(50, winner.MedianDifferenceMs);
        // rsync − page-server pairwise: 10 once, 20 twice, ... 50 five times, ... 90 once. The shift is 50 and,
        // with k = 3 of 25, the interval runs from the 3rd smallest (20) to the 3rd largest (80).
        Assert.Equal(50, winner.Shift!.Shift, 9);
        Assert.Equal((20.0, 80.0), (winner.Shift.Lower!.Value, winner.Shift.Upper!.Value));
        Assert.Equal("significant", Winners.Verdict(winner));
    }

    [Fact]
    public void Overlapping_strategies_are_not_significantly_different()
    {
        MigrationRecord[] records = [.. Repetitions("tar", 100, 125, 150, 175, 200), .. Repetitions("page-server", 90, 130, 140, 170, 210)];

        var winner = Assert.Single(WinnersOf(records));

        Assert.Equal("page-server", winner.Best.Label);
        Assert.Equal(10, winner.MedianDifferenceMs);
        Assert.True(winner.Shift!.Lower < 0 && winner.Shift.Upper > 0);
        Assert.Equal("not significant", Winners.Verdict(winner));
    }

    [Fact]
    public void Three_repetitions_each_are_too_few_for_a_verdict_and_a_lone_strategy_has_no_runner_up()
    {
        MigrationRecord[] records =
        [
            .. Repetitions("tar", 200, 210, 220), .. Repetitions("page-server", 100, 110, 120),
            ComparisonRecords.Migration("memhog", "tar", 500),
        ];

        var winners = WinnersOf(records);

        Assert.Equal("not significant (too few repetitions for a 95% interval)", Winners.Verdict(winners[0]));
        Assert.Equal(("memhog", "no runner-up"), (winners[1].Workload, Winners.Verdict(winners[1])));
        Assert.Null(winners[1].MedianDifferenceMs);
    }

    [Fact]
    public void There_is_a_winner_per_workload_and_link_rate_and_failed_migrations_do_not_count()
    {
        MigrationRecord[] records =
        [
            ComparisonRecords.Migration("counter", "tar", 100, "1gbit"),
            ComparisonRecords.Migration("counter", "page-server", 300, "1gbit"),
            ComparisonRecords.Migration("counter", "tar", 900, "100mbit"),
            ComparisonRecords.Migration("counter", "page-server", 400, "100mbit"),
            SampleRecords.Failed("boom", strategy: "rsync", linkRate: "100mbit") with { Engine = "process", StopTimeMs = 1 },
        ];

        var winners = WinnersOf(records);

        Assert.Equal([("1gbit", "tar"), ("100mbit", "page-server")], winners.Select(w => (w.LinkRate, w.Best.Label)));
    }

    [Fact]
    public void Strategies_are_named_with_their_engine_when_the_run_has_several_engines()
    {
        MigrationRecord[] records =
        [
            ComparisonRecords.Migration("counter", "tar", 100),
            ComparisonRecords.Migration("counter", "tar", 200, engine: "runc"),
        ];

        var winner = Assert.Single(WinnersOf(records));

        Assert.Equal(("process/tar", "runc/tar"), (winner.Best.Label, winner.RunnerUp!.Label));
    }
}
