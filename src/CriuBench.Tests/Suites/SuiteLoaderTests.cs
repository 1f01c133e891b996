using CriuBench.Lab;
using CriuBench.Suites;
using CriuBench.Workloads.Output;

namespace CriuBench.Tests.Suites;

public class SuiteLoaderTests
{
    [Fact]
    public void A_suite_names_built_in_and_user_defined_workloads()
    {
        var suite = SuiteLoader.Parse("""
            name: mine
            repetitions: 3
            bandwidth: [100mbit, unlimited]
            strategies: [tar]
            workloads:
              - counter
              - name: py
                command: [python3, -u, -c, "print(1)"]
                output: counter-timestamp
                interval_ms: 50
                criu_dump_args: [--tcp-established]
            """);

        Assert.Equal("mine", suite.Name);
        Assert.Equal(3, suite.Repetitions);
        Assert.Equal([LinkRate.Parse("100mbit"), LinkRate.Unlimited], suite.LinkRates);
        Assert.Equal(["tar"], suite.Strategies);
        Assert.Equal("counter", suite.Workloads[0].Name);
        var custom = suite.Workloads[1];
        Assert.Equal(["python3", "-u", "-c", "print(1)"], custom.Command);
        Assert.Equal(OutputFormat.CounterTimestamp, custom.Output);
        Assert.Equal(TimeSpan.FromMilliseconds(50), custom.Interval);
        Assert.Equal(["--tcp-established"], custom.ExtraDumpArguments);
        Assert.Equal("process", custom.Engine);
        Assert.Equal(2 * 1 * 3 * 2, suite.MigrationCount);
    }

    [Fact]
    public void Defaults_are_both_core_strategies_five_repetitions_and_one_gigabit()
    {
        var suite = SuiteLoader.Parse("workloads: [counter]");
        Assert.Equal(["tar", "shared"], suite.Strategies);
        Assert.Equal(5, suite.Repetitions);
        Assert.Equal([LinkRate.Default], suite.LinkRates);
    }

    [Fact]
    public void The_shipped_default_suite_loads()
    {
        var path = Path.Combine(CriuBench.Workloads.WorkloadAssets.Directory, "suites", "default.yaml");
        var suite = SuiteLoader.Load(path);
        Assert.Equal(["counter", "timestamps"], suite.Workloads.Select(w => w.Name));
        Assert.Equal(20, suite.MigrationCount);
    }

    [Theory]
    [InlineData("workloads: [counter]\nrepetitons: 3", "suite:2: unknown suite key 'repetitons'")]
    [InlineData("workloads: [countr]", "unknown workload 'countr'")]
    [InlineData("workloads: [counter]\nstrategies: [ftp]", "unknown strategy 'ftp'")]
    [InlineData("workloads: [counter]\nbandwidth: fast", "'fast' is not a link rate")]
    [InlineData("workloads: [counter]\nrepetitions: many", "'repetitions' must be a whole number")]
    [InlineData("workloads: [counter]\nrepetitions: 0", "repetitions must be at least 1")]
    [InlineData("strategies: [tar]", "'workloads' is missing")]
    [InlineData("workloads:\n  - name: x\n    command: [true]", "output: counter")]
    [InlineData("workloads:\n  - command: [true]\n    output: counter", "needs a 'name'")]
    [InlineData("workloads: [counter, counter]", "two workloads are named 'counter'")]
    [InlineData("workloads: [counter\n", "not valid YAML")]
    public void A_mistake_gets_an_error_that_says_what_to_fix(string yaml, string expected)
    {
        var error = Assert.Throws<SuiteException>(() => SuiteLoader.Parse(yaml));
        Assert.Contains(expected, error.Message);
    }
}
