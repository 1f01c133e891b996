using CriuBench.Cli;
using CriuBench.Migration.Modes;
using CriuBench.Transfer;

namespace CriuBench.Tests.Cli;

/// <summary>`run --help` lists every strategy and mode the suite loader knows, each with what it does.</summary>
[Trait("Category", "Unit")]
public class CatalogHelpTests
{
    [Fact]
    public void Every_strategy_and_mode_has_its_line_in_the_help()
    {
        Assert.All(TransferStrategies.Names, name => Assert.True(CatalogHelp.Strategies.ContainsKey(name), $"strategy {name} has no help line"));
        Assert.All(MigrationModes.Names, name => Assert.True(CatalogHelp.Modes.ContainsKey(name), $"mode {name} has no help line"));
        Assert.All(TransferStrategies.Names, name => Assert.Contains($"{name}: ", CatalogHelp.StrategyList));
        Assert.All(MigrationModes.Names, name => Assert.Contains($"{name}: ", CatalogHelp.ModeList));
    }

    [Theory]
    [InlineData("cb", "cbdry")]
    [InlineData("cli1", "cli1dry")]
    [InlineData("labname8", "labnadry")]
    public void A_dry_run_brings_its_hosts_up_under_a_lab_name_of_its_own(string lab, string expected) =>
        Assert.Equal(expected, DryRun.PreviewLabName(lab));
}
