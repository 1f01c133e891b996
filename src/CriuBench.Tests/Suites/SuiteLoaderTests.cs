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
    public void A_built_in_workload_takes_its_parameters_from_the_suite()
    {
        var suite = SuiteLoader.Parse("""
            workloads:
              - builtin: memory
                mib: 64
                dirty_mib_per_s: 50
              - builtin: memory
                name: big
                mib: 1024
            """);
        Assert.Equal(["memory-64m-d50", "big"], suite.Workloads.Select(w => w.Name));
        Assert.Equal(1024L << 20, suite.Workloads[1].MinimumImageBytes);
    }

    [Fact]
    public void A_parameter_the_built_in_does_not_take_is_an_error_with_its_line()
    {
        var error = Assert.Throws<SuiteException>(() => SuiteLoader.Parse("workloads:\n  - builtin: counter\n    mib: 3"));
        Assert.Contains("suite:2", error.Message);
        Assert.Contains("takes no parameters", error.Message);
    }

    [Fact]
    public void A_workload_can_run_at_its_own_link_rates_only()
    {
        var suite = SuiteLoader.Parse("""
            repetitions: 2
            bandwidth: [100mbit, unlimited]
            strategies: [tar, shared]
            workloads:
              - counter
              - { builtin: memory, mib: 1024, bandwidth: 1gbit }
            """);
        Assert.Equal(["100mbit", "unlimited", "1gbit"], suite.LinkRates.Select(r => r.Label));
        Assert.Equal(["100mbit", "unlimited"], suite.Workloads[0].LinkRates);
        Assert.Equal(["1gbit"], suite.Workloads[1].LinkRates);
        Assert.False(suite.Workloads[1].RunsAt(LinkRate.Parse("100mbit")));
        Assert.Equal((2 + 1) * 2 * 2, suite.MigrationCount); // counter at 2 rates, memory at 1
    }

    [Fact]
    public void Defaults_are_both_core_strategies_five_repetitions_and_one_gigabit()
    {
        var suite = SuiteLoader.Parse("workloads: [counter]");
        Assert.Equal(["tar", "shared"], suite.Strategies);
        Assert.Equal(5, suite.Repetitions);
        Assert.Equal([LinkRate.Default], suite.LinkRates);
    }

    [Theory]
    [InlineData("default.yaml")]
    [InlineData("memory-sweep.yaml")]
    public void The_shipped_suites_load(string file)
    {
        var suite = SuiteLoader.Load(Path.Combine(CriuBench.Workloads.WorkloadAssets.Directory, "suites", file));
        Assert.NotEmpty(suite.Workloads);
        Assert.Equal(5, suite.Repetitions);
    }

    [Fact]
    public void The_default_suite_runs_the_seed_workloads_with_both_core_strategies()
    {
        var suite = SuiteLoader.Load(Path.Combine(CriuBench.Workloads.WorkloadAssets.Directory, "suites", "default.yaml"));
        Assert.Contains("counter", suite.Workloads.Select(w => w.Name));
        Assert.Contains("timestamps", suite.Workloads.Select(w => w.Name));
        Assert.Equal(["tar", "shared"], suite.Strategies);
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
