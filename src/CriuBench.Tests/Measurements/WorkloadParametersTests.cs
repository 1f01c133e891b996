using System.Globalization;
using CriuBench.Measurements;
using CriuBench.Workloads;
using CriuBench.Workloads.Catalog;

namespace CriuBench.Tests.Measurements;

[Trait("Category", "Unit")]
public sealed class WorkloadParametersTests
{
    [Fact]
    public void The_memory_allocator_s_parameters_render_in_its_own_order()
    {
        Assert.Equal("mib=256;dirty_mib_per_s=50;data=random", WorkloadParameters.Render(BuiltinWorkloads.MemoryHog(256, 50).Parameters));
        Assert.Equal("mib=64;dirty_mib_per_s=0;data=compressible",
            WorkloadParameters.Render(BuiltinWorkloads.Create("memory", new Dictionary<string, string> { ["data"] = "compressible", ["mib"] = "64" }).Parameters));
    }

    [Fact]
    public void Numbers_render_in_the_invariant_culture_whatever_the_machine_s_culture()
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            // A decimal comma, as de-DE has (these machines run without ICU, so it is built by hand).
            var comma = (CultureInfo)CultureInfo.InvariantCulture.Clone();
            comma.NumberFormat.NumberDecimalSeparator = ",";
            CultureInfo.CurrentCulture = comma;
            Assert.Equal("1,5", 1.5.ToString(CultureInfo.CurrentCulture));
            Assert.Equal("mib=1.5;dirty_mib_per_s=2.25;data=random", WorkloadParameters.Render(BuiltinWorkloads.MemoryHog(1.5, 2.25).Parameters));
        }
        finally { CultureInfo.CurrentCulture = before; }
    }

    [Fact]
    public void Workloads_without_parameters_render_empty()
    {
        Assert.Equal("", WorkloadParameters.Render(BuiltinWorkloads.ByName("counter").Parameters));
        Assert.Empty(WorkloadParameters.Parse(""));
    }

    [Fact]
    public void The_text_reads_back_as_the_same_pairs_in_the_same_order()
    {
        KeyValuePair<string, string>[] pairs = [new("mib", "256"), new("dirty_mib_per_s", "50"), new("data", "random")];

        Assert.Equal(pairs, WorkloadParameters.Parse(WorkloadParameters.Render(pairs)));
        Assert.Equal("50", WorkloadParameters.Get("mib=256;dirty_mib_per_s=50", "dirty_mib_per_s"));
        Assert.Null(WorkloadParameters.Get("mib=256", "data"));
    }

    [Theory]
    [InlineData("a;b", "1")]
    [InlineData("a", "1;b=2")]
    [InlineData("a=b", "1")]
    [InlineData("a", "x\ny")]
    [InlineData("", "1")]
    public void A_parameter_that_would_not_read_back_is_refused(string key, string value)
    {
        Assert.Throws<ArgumentException>(() => WorkloadParameters.Render([new(key, value)]));
    }

    [Theory]
    [InlineData("mib")]
    [InlineData("=256")]
    [InlineData("mib=256;;data=random")]
    public void Text_that_is_not_key_value_pairs_is_a_format_error(string text)
    {
        Assert.Throws<FormatException>(() => WorkloadParameters.Parse(text));
    }
}
