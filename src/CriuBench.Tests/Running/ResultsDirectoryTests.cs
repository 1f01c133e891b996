using CriuBench.Running;
using CriuBench.Tests.Support;

namespace CriuBench.Tests.Running;

[Trait("Category", "Unit")]
public class ResultsDirectoryTests
{
    [Fact]
    public void Run_ids_sort_by_time_and_name_the_suite() =>
        Assert.Equal("20261122-013005-default", ResultsDirectory.NewRunId(new DateTimeOffset(2026, 11, 22, 1, 30, 5, TimeSpan.Zero), "default"));

    [Fact]
    public void Latest_points_at_the_newest_run_by_a_relative_link()
    {
        using var root = new TempDirectory();
        ResultsDirectory.Create(root.Path, "a");
        var second = ResultsDirectory.Create(root.Path, "b");
        var latest = new FileInfo(Path.Combine(root.Path, "latest"));
        Assert.Equal("b", latest.LinkTarget);
        Assert.True(Directory.Exists(second));
    }

    [Fact]
    public void An_existing_run_is_never_overwritten()
    {
        using var root = new TempDirectory();
        ResultsDirectory.Create(root.Path, "a");
        Assert.Throws<IOException>(() => ResultsDirectory.Create(root.Path, "a"));
    }
}
