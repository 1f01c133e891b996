using CriuBench.Hosts;
using CriuBench.Suites;
using CriuBench.Vocabulary;
using CriuBench.Workloads;
using CriuBench.Workloads.Output;
using CriuBench.Workloads.Catalog;

namespace CriuBench.Tests.Suites;

[Trait("Category", "Unit")]
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
        Assert.Equal(["tar"], suite.Strategies.Select(s => s.Name));
        Assert.Equal("counter", suite.Workloads[0].Name);
        var custom = suite.Workloads[1];
        Assert.Equal(["python3", "-u", "-c", "print(1)"], custom.Command);
        Assert.Equal(OutputFormat.CounterTimestamp, custom.Output);
        Assert.Equal(TimestampUnit.Auto, custom.TimestampUnit);
        Assert.True(custom.ExtraFields);
        Assert.Equal(TimeSpan.FromMilliseconds(50), custom.Interval);
        Assert.Equal(["--tcp-established"], custom.ExtraDumpArguments);
        Assert.Same(WorkloadEngines.Process, custom.Engine);
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
        Assert.Equal(["tar", "sshfs"], suite.Strategies.Select(s => s.Name));
        Assert.Equal(5, suite.Repetitions);
        Assert.Equal([LinkRate.Default], suite.LinkRates);
    }

    private static string Shipped(string file) => Path.Combine(WorkloadAssets.Directory, "suites", file);

    public static TheoryData<string> ShippedSuites =>
        new(Directory.GetFiles(Path.Combine(WorkloadAssets.Directory, "suites"), "*.yaml").Select(Path.GetFileName).Order()!);

    /// <summary>Every shipped suite must load (what its hosts cannot do is refused later, per cell, not here).</summary>
    public static TheoryData<string> LoadableSuites =>
        new(ShippedSuites.Select((object[] row) => (string)row[0]));

    [Theory]
    [MemberData(nameof(LoadableSuites))]
    public void Every_shipped_suite_loads_and_names_itself_after_its_file(string file)
    {
        var suite = SuiteLoader.Load(Shipped(file));
        Assert.NotEmpty(suite.Workloads);
        Assert.NotEmpty(suite.Strategies);
        Assert.Equal(Path.GetFileNameWithoutExtension(file), suite.Name);
        Assert.True(suite.MigrationCount > 0);
    }

    [Fact]
    public void The_shipped_suites_are_the_ones_the_readme_lists()
    {
        Assert.Equal(["comparison.yaml", "containers.yaml", "default.yaml", "live.yaml", "memory-sweep.yaml", "services.yaml", "user-service.yaml", "user-workload.yaml", "vm-live.yaml", "vm.yaml"], ShippedSuites.Select((object[] row) => (string)row[0]));
    }

    [Fact]
    public void The_default_suite_runs_the_seed_workloads_with_both_core_strategies()
    {
        var suite = SuiteLoader.Load(Shipped("default.yaml"));
        Assert.Equal(["counter", "timestamps", "memory-256m-d50", "runc-counter", "docker-counter"], suite.Workloads.Select(w => w.Name));
        Assert.Equal(["tar", "sshfs"], suite.Strategies.Select(s => s.Name));
        Assert.Equal([LinkRate.Default], suite.LinkRates);
        Assert.Equal(5, suite.Repetitions);
    }

    [Fact]
    public void The_comparison_suite_crosses_four_workloads_six_strategies_and_three_rates_plus_the_big_allocator_at_one_gigabit()
    {
        var suite = SuiteLoader.Load(Shipped("comparison.yaml"));
        Assert.Equal(["counter", "timestamps", "memory-256m", "runc-counter", "memory-1024m"], suite.Workloads.Select(w => w.Name));
        Assert.Equal(["tar", "tar-ssh", "tar-zstd", "rsync", "sshfs", "page-server"], suite.Strategies.Select(s => s.Name));
        Assert.Equal(["100mbit", "1gbit", "unlimited"], suite.LinkRates.Select(r => r.Label));
        Assert.Equal(["1gbit"], suite.Workloads[4].LinkRates);
        Assert.Equal(1024L << 20, suite.Workloads[4].MinimumImageBytes);
        Assert.Equal((4 * 3 + 1) * 6 * 5, suite.MigrationCount);
    }

    [Fact]
    public void The_containers_suite_runs_the_counter_as_a_process_under_runc_docker_and_podman()
    {
        var suite = SuiteLoader.Load(Shipped("containers.yaml"));
        Assert.Equal(["process", "runc", "docker", "podman"], suite.Workloads.Select(w => w.Engine.Name));
        Assert.Equal(["counter", "runc-counter", "docker-counter", "podman-counter"], suite.Workloads.Select(w => w.Name));
        Assert.Equal(["tar", "sshfs"], suite.Strategies.Select(s => s.Name));
        Assert.Equal(4 * 2 * 5, suite.MigrationCount);
    }

    [Fact]
    public void The_vm_live_suite_runs_the_four_modes_on_the_vm_lab_for_the_allocator_at_two_dirty_rates_and_the_container_counters()
    {
        var suite = SuiteLoader.Load(Shipped("vm-live.yaml"));
        Assert.Equal("vm", suite.Hosts);
        Assert.Equal(["cold", "postcopy", "precopy", "hybrid"], suite.Modes.Select(m => m.Name));
        Assert.Equal(["memory-64m", "memory-64m-d8", "runc-counter", "podman-counter"], suite.Workloads.Select(w => w.Name));
    }

    [Fact]
    public void The_memory_sweep_holds_64_256_and_1024_mib_each_still_and_dirtied()
    {
        var suite = SuiteLoader.Load(Shipped("memory-sweep.yaml"));
        Assert.Equal(["memory-64m", "memory-64m-d50", "memory-256m", "memory-256m-d50", "memory-1024m", "memory-1024m-d50"], suite.Workloads.Select(w => w.Name));
    }

    [Fact]
    public void The_user_workload_suite_runs_the_example_script_with_its_own_check_and_timestamps_in_seconds()
    {
        var suite = SuiteLoader.Load(Shipped("user-workload.yaml"));
        var workload = Assert.Single(suite.Workloads);
        Assert.Equal(Path.Combine(WorkloadAssets.Directory, "examples", "integrity-counter.sh"), workload.Command[0]);
        Assert.Equal(new LineFormat(OutputFormat.CounterTimestamp, TimestampUnit.Seconds, ExtraFields: true), workload.LineFormat);
        Assert.Equal(new FieldEquals(4, "ok"), workload.Check);
        Assert.Equal(TimeSpan.FromMilliseconds(50), workload.Interval);
    }

    [Theory]
    [InlineData("workloads: [counter]\nrepetitons: 3", "suite:2: unknown suite key 'repetitons'")]
    [InlineData("workloads: [countr]", "unknown workload 'countr'")]
    [InlineData("workloads: [counter]\nstrategies: [ftp]", "unknown strategy 'ftp'")]
    [InlineData("workloads: [counter]\nbandwidth: fast", "'fast' is not a link rate")]
    [InlineData("workloads: [counter]\nrepetitions: many", "'repetitions' must be a whole number")]
    [InlineData("workloads: [counter]\nrepetitions: 0", "'repetitions' is 0: it must be from 1 to 1000")]
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
