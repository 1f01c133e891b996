using CriuBench.Criu;
using CriuBench.Migration.PreCopy;

namespace CriuBench.Tests.Migration.PreCopy;

[Trait("Category", "Unit")]
public class StopRuleTests
{
    private static DumpStats Round(long written, long skipped = 0) => new(
        TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero,
        PagesScanned: written + skipped, PagesSkippedParent: skipped, PagesWritten: written, PagesLazy: 0,
        null, null, null, null, null, null);

    // A real stats-dump of CRIU 4.1.1 dumping an 8 MiB ticker (TestData/criu-stats): 2075 pages written, none skipped.
    private static DumpStats RealFirstRound() =>
        CriuStatsReader.ReadDumpFile(Path.Combine(AppContext.BaseDirectory, "TestData", "criu-stats", "stats-dump"));

    [Fact]
    public void Phaul_goes_on_after_a_real_first_round_that_wrote_every_page()
    {
        Assert.Null(new PHaulStopRule().StopReason([RealFirstRound()]));
        Assert.Null(new GoalStopRule().StopReason([RealFirstRound()]));
    }

    [Fact]
    public void Phaul_stops_when_a_round_writes_at_most_64_pages()
    {
        var rule = new PHaulStopRule();
        Assert.Null(rule.StopReason([Round(2075), Round(65)]));
        Assert.Equal("round 2 wrote 64 pages, at most 64", rule.StopReason([Round(2075), Round(64)]));
    }

    [Fact]
    public void Phaul_stops_when_a_round_grows_by_more_than_10_percent_over_the_one_before()
    {
        var rule = new PHaulStopRule();
        Assert.Null(rule.StopReason([Round(16410), Round(1000), Round(1100)]));
        Assert.Equal("round 3 wrote 1101 pages, 10.1 % more than round 2 (1000): over 10 %", rule.StopReason([Round(16410), Round(1000), Round(1101)]));
    }

    [Fact]
    public void Phaul_stops_after_8_rounds_that_kept_shrinking()
    {
        var rule = new PHaulStopRule();
        var rounds = Enumerable.Range(0, 8).Select(i => Round(16000 - i * 1000)).ToList();
        Assert.Null(rule.StopReason(rounds[..7]));
        Assert.Equal("8 rounds, the most allowed", rule.StopReason(rounds));
    }

    [Fact]
    public void Goal_stops_when_more_than_70_percent_of_the_pages_were_skipped_as_unchanged()
    {
        var rule = new GoalStopRule();
        Assert.Null(rule.StopReason([Round(16410), Round(300, 700)]));
        Assert.Equal("round 2 skipped 70.1 % of its pages as unchanged: over the 70 % goal", rule.StopReason([Round(16410), Round(299, 701)]));
    }

    [Fact]
    public void Goal_stops_after_its_most_rounds_even_if_the_workload_dirties_everything()
    {
        var rule = new GoalStopRule(goalPercent: 90, maxRounds: 3);
        Assert.Null(rule.StopReason([Round(1000), Round(1000)]));
        Assert.Equal("3 rounds, the most allowed", rule.StopReason([Round(1000), Round(1000), Round(1000)]));
    }

    [Fact]
    public void A_round_that_saw_no_page_skipped_nothing() => Assert.Equal(0, GoalStopRule.SkippedPercent(Round(0)));

    [Fact]
    public void Hybrid_makes_one_round_whatever_it_wrote() =>
        Assert.Equal("1 round(s), as the mode does", new FixedRoundsStopRule(1).StopReason([Round(16410)]));

    [Fact]
    public void Settings_build_the_rule_they_name_with_their_parameters()
    {
        var phaul = Assert.IsType<PHaulStopRule>(new PreCopySettings { MinPages = 10, GrowPercent = 5, MaxIterations = 3 }.CreateRule());
        Assert.Equal((10, 5, 3), (phaul.MinPages, phaul.GrowPercent, phaul.MaxRounds));
        var goal = Assert.IsType<GoalStopRule>(new PreCopySettings { Rule = "goal" }.CreateRule());
        Assert.Equal((70, 10), (goal.GoalPercent, goal.MaxRounds));
    }

    [Fact]
    public void Settings_say_which_rule_a_parameter_belongs_to()
    {
        Assert.Equal("min_pages and grow_percent belong to rule phaul; rule goal takes goal_percent and max_iterations",
            new PreCopySettings { Rule = "goal", MinPages = 5 }.Validate());
        Assert.Equal("goal_percent belongs to rule goal; rule phaul takes min_pages, grow_percent and max_iterations",
            new PreCopySettings { GoalPercent = 80 }.Validate());
        Assert.Equal("rule 'fast' is unknown: choose from phaul, goal", new PreCopySettings { Rule = "fast" }.Validate());
        Assert.Null(new PreCopySettings { Rule = "goal", GoalPercent = 80, MaxIterations = 4 }.Validate());
    }
}
