using CriuBench.Migration;
using CriuBench.Migration.PreCopy;
using CriuBench.Suites;
using CriuBench.Vocabulary;
using CriuBench.Migration.Modes;

namespace CriuBench.Tests.Suites;

[Trait("Category", "Unit")]
public class PreCopySuiteTests
{
    private const string Head = """
        strategies: [rsync]
        modes: [precopy]
        workloads: [counter]

        """;

    [Fact]
    public void Without_a_precopy_key_pre_copy_stops_by_phaul_s_rule()
    {
        var suite = SuiteLoader.Parse(Head);
        var mode = Assert.IsType<PreCopyMode>(MigrationModes.Create(ModeNames.PreCopy, new ModeOptions(suite.PreCopy)));
        var rule = Assert.IsType<PHaulStopRule>(mode.Rule);
        Assert.Equal((64, 10, 8), (rule.MinPages, rule.GrowPercent, rule.MaxRounds));
    }

    [Fact]
    public void The_precopy_key_picks_the_goal_rule_and_its_parameters()
    {
        var suite = SuiteLoader.Parse(Head + "precopy: {rule: goal, goal_percent: 80, max_iterations: 4}\n");
        var mode = Assert.IsType<PreCopyMode>(MigrationModes.Create(ModeNames.PreCopy, new ModeOptions(suite.PreCopy)));
        var rule = Assert.IsType<GoalStopRule>(mode.Rule);
        Assert.Equal((80, 4), (rule.GoalPercent, rule.MaxRounds));
    }

    [Fact]
    public void A_parameter_of_the_other_rule_is_an_error_with_its_line()
    {
        var e = Assert.Throws<SuiteException>(() => SuiteLoader.Parse(Head + "precopy:\n  rule: goal\n  min_pages: 10\n"));
        Assert.Equal("suite:5: precopy: min_pages and grow_percent belong to rule phaul; rule goal takes goal_percent and max_iterations", e.Message);
    }

    [Fact]
    public void An_unknown_precopy_key_is_named()
    {
        var e = Assert.Throws<SuiteException>(() => SuiteLoader.Parse(Head + "precopy: {rule: phaul, rounds: 3}\n"));
        Assert.Contains("unknown precopy key 'rounds'", e.Message);
    }
}
