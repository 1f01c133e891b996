using CriuBench.Measurements;
using CriuBench.Suites;

namespace CriuBench.Tests.Suites;

/// <summary>What a suite's workloads put in the parameters column of their rows.</summary>
[Trait("Category", "Unit")]
public sealed class WorkloadParametersInSuitesTests
{
    [Fact]
    public void A_built_in_s_parameters_come_in_its_own_order_with_the_defaults()
    {
        var suite = SuiteLoader.Parse("""
            workloads:
              - { builtin: memory, data: compressible, mib: 64 }
              - counter
            """);

        Assert.Equal("mib=64;dirty_mib_per_s=0;data=compressible", WorkloadParameters.Render(suite.Workloads[0].Parameters));
        Assert.Equal("", WorkloadParameters.Render(suite.Workloads[1].Parameters));
    }

    [Fact]
    public void A_user_workload_declares_its_own_parameters_sorted_by_name()
    {
        var suite = SuiteLoader.Parse("""
            workloads:
              - name: kv
                command: [bash, -c, "echo 1"]
                output: counter
                parameters: {mib: 512, clients: 4}
            """);

        Assert.Equal("clients=4;mib=512", WorkloadParameters.Render(suite.Workloads[0].Parameters));
    }

    [Theory]
    [InlineData("parameters: [a, b]", "'parameters' must be a mapping")]
    [InlineData("parameters: {'a;b': 1}", "parameter name 'a;b'")]
    [InlineData("parameters: {a: 'x=y'}", "holds ';', '='")]
    public void Parameters_that_would_not_read_back_are_an_error_with_their_line(string line, string message)
    {
        var error = Assert.Throws<SuiteException>(() => SuiteLoader.Parse($"workloads:\n  - name: kv\n    command: [bash]\n    output: counter\n    {line}\n"));

        Assert.Contains("suite:5", error.Message);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void A_built_in_takes_no_parameters_mapping()
    {
        var error = Assert.Throws<SuiteException>(() => SuiteLoader.Parse("workloads:\n  - builtin: memory\n    parameters: {mib: 64}\n"));

        Assert.Contains("'parameters' does not go with 'builtin: memory'", error.Message);
    }
}
