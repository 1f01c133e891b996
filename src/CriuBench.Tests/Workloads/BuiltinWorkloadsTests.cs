using CriuBench.Workloads;
using CriuBench.Workloads.Output;
using CriuBench.Workloads.Catalog;

namespace CriuBench.Tests.Workloads;

[Trait("Category", "Unit")]
public class BuiltinWorkloadsTests
{
    [Fact]
    public void The_memory_workload_names_its_size_and_dirty_rate_and_expects_an_image_that_large()
    {
        var spec = BuiltinWorkloads.Create("memory", new Dictionary<string, string> { ["mib"] = "1024", ["dirty_mib_per_s"] = "50" });
        Assert.Equal("memory-1024m-d50", spec.Name);
        Assert.Equal(1024L * 1024 * 1024, spec.MinimumImageBytes);
        Assert.Equal(OutputFormat.CounterTimestamp, spec.Output);
        Assert.Equal(["--mib", "1024", "--data", "random", "--dirty-mib-per-s", "50", "--interval-us", "5000"], spec.Command.Skip(1));
        Assert.Equal("/var/lib/criubench/host/assets/bin/ticker", spec.Command[0]); // the copy every host gets, not the controller's repository
    }

    [Fact]
    public void Without_parameters_the_memory_workload_holds_256_mib_of_random_data()
    {
        var spec = BuiltinWorkloads.ByName("memory");
        Assert.Equal("memory-256m", spec.Name);
        Assert.Contains(new KeyValuePair<string, string>("data", "random"), spec.Parameters);
    }

    [Fact]
    public void Compressible_data_shows_in_the_name() =>
        Assert.Equal("memory-64m-compressible", BuiltinWorkloads.Create("memory", new Dictionary<string, string> { ["mib"] = "64", ["data"] = "compressible" }).Name);

    [Theory]
    [InlineData("memory", "mb", "no parameter 'mb'")]
    [InlineData("counter", "mib", "takes no parameters")]
    public void An_unknown_parameter_is_named(string workload, string parameter, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => BuiltinWorkloads.Create(workload, new Dictionary<string, string> { [parameter] = "1" }));
        Assert.Contains(expected, error.Message);
    }

    [Theory]
    [InlineData("mib", "lots")]
    [InlineData("mib", "0")]
    [InlineData("data", "zeros")]
    public void A_bad_parameter_value_is_refused(string parameter, string value) =>
        Assert.Throws<ArgumentException>(() => BuiltinWorkloads.Create("memory", new Dictionary<string, string> { [parameter] = value }));
}
