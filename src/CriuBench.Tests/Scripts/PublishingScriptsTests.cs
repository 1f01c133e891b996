using CriuBench.Execution;
using CriuBench.Publishing;
using CriuBench.Tests.Support;

namespace CriuBench.Tests.Scripts;

/// <summary>
/// The workflow's last steps as they run on the runner, here: scripts/ci-compare.sh and
/// scripts/ci-publish.sh build a Pages directory from two copies of the committed sample run.
/// The scripts run the test's own build of the CLI (CRIUBENCH_DLL) instead of publishing it again.
/// </summary>
[Trait("Category", "Unit")]
public sealed class PublishingScriptsTests : IDisposable
{
    private readonly TempDirectory temp = new();

    [Fact(Timeout = 120_000)]
    public async Task Two_sample_runs_become_a_site_with_an_index_a_trend_chart_and_the_comparison()
    {
        var site = temp.File("site");
        var first = CopySample("20261201-213304-comparison");
        var second = CopySample("20261202-213304-comparison");

        var nothingYet = await ScriptAsync("ci-compare.sh", site, first);
        Assert.True(nothingYet.Succeeded, nothingYet.StandardError);
        Assert.Contains("is the first run, nothing to compare", nothingYet.StandardOutput);
        Assert.True((await ScriptAsync("ci-publish.sh", site, first)).Succeeded);

        var compared = await ScriptAsync("ci-compare.sh", site, second);
        Assert.Equal(0, compared.ExitCode); // the same measurements: nothing got worse
        Assert.Contains("no regression", compared.StandardOutput);
        var published = await ScriptAsync("ci-publish.sh", site, second);
        Assert.True(published.Succeeded, published.StandardError);

        var index = await File.ReadAllTextAsync(Path.Combine(site, SiteIndex.FileName));
        Assert.Contains("runs/20261201-213304-comparison/report.html", index);
        Assert.Contains("runs/20261202-213304-comparison/comparison.html", index);
        Assert.True(File.Exists(Path.Combine(site, "runs", "20261202-213304-comparison", "report.html")));
        var runs = await PublishedRunsCsv.ReadAsync(Path.Combine(site, PublishedRunsCsv.FileName));
        Assert.Equal(2, runs.Count);
        Assert.StartsWith("no regression", runs[1].Verdict);
        var trend = await File.ReadAllTextAsync(Path.Combine(site, TrendChart.FileName));
        Assert.Contains("<polyline", trend);
    }

    private string CopySample(string name)
    {
        var directory = temp.File(name);
        Directory.CreateDirectory(directory);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryScripts.Root, "results", "sample")))
            File.Copy(file, Path.Combine(directory, Path.GetFileName(file)));
        return directory;
    }

    private static Task<CommandResult> ScriptAsync(string script, params string[] arguments) =>
        ProcessRunner.Instance.RunAsync(Command.Of("env", [$"CRIUBENCH_DLL={Path.Combine(AppContext.BaseDirectory, "criubench.dll")}",
            Path.Combine(RepositoryScripts.Root, "scripts", script), .. arguments]).WithTimeout(TimeSpan.FromMinutes(2)));

    public void Dispose() => temp.Dispose();
}
