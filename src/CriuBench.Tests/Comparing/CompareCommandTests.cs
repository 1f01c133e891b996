using System.Text;
using CliWrap;
using CriuBench.Hosts;
using CriuBench.Measurements;
using CriuBench.Reporting;
using CriuBench.Tests.Reporting;
using CriuBench.Tests.Support;
using static CriuBench.Tests.Comparing.ComparisonRuns;

namespace CriuBench.Tests.Comparing;

/// <summary>`criubench compare` as CI runs it: the real CLI on run directories, judged by its exit code.</summary>
[Trait("Category", "Unit")]
public sealed class CompareCommandTests : IDisposable
{
    private readonly TempDirectory temp = new();

    [Fact]
    public async Task Identical_runs_exit_0()
    {
        var (code, stdout, _) = await CompareAsync(await WriteRunAsync("base", Records()), await WriteRunAsync("new", Records()));

        Assert.Equal(0, code);
        Assert.Contains("no regression", stdout);
    }

    [Fact]
    public async Task A_slower_copy_exits_3_and_writes_the_three_renderings()
    {
        var output = temp.File("out");

        var (code, stdout, _) = await CompareAsync(await WriteRunAsync("base", Records()), await WriteRunAsync("new", Records(scale: 1.2)), "--out", output);

        Assert.Equal(3, code);
        Assert.Contains("REGRESSION", stdout);
        Assert.Contains("| counter | process | tar | cold | 1gbit | stop_time |", await File.ReadAllTextAsync(Path.Combine(output, "comparison.md")));
        Assert.Contains("data-verdict=\"Regression\"", await File.ReadAllTextAsync(Path.Combine(output, "comparison.html")));
        Assert.Equal(stdout, await File.ReadAllTextAsync(Path.Combine(output, "comparison.txt")));
    }

    [Fact]
    public async Task A_lenient_threshold_lets_the_same_slowdown_pass()
    {
        var (code, _, _) = await CompareAsync(await WriteRunAsync("base", Records()), await WriteRunAsync("new", Records(scale: 1.2)), "--threshold", "25%");

        Assert.Equal(0, code);
    }

    [Fact]
    public async Task Disjoint_runs_exit_4()
    {
        var (code, stdout, _) = await CompareAsync(await WriteRunAsync("base", Records(workloads: ["counter"])), await WriteRunAsync("new", Records(workloads: ["memory"])));

        Assert.Equal(4, code);
        Assert.Contains("share no configuration", stdout);
    }

    [Theory]
    [InlineData("--threshold", "fast", "--threshold 'fast' is not a number")]
    [InlineData("--threshold", "-5%", "must be from 0% to 1000%")]
    public async Task A_bad_threshold_exits_2_with_the_reason(string option, string value, string expected)
    {
        var (code, _, stderr) = await CompareAsync(await WriteRunAsync("base", Records()), await WriteRunAsync("new", Records()), option, value);

        Assert.Equal(2, code);
        Assert.Contains(expected, stderr);
    }

    [Fact]
    public async Task A_directory_that_is_no_run_exits_2()
    {
        var (code, _, stderr) = await CompareAsync(temp.Path, await WriteRunAsync("new", Records()));

        Assert.Equal(2, code);
        Assert.Contains("has no migrations.csv", stderr);
    }

    private async Task<string> WriteRunAsync(string name, IReadOnlyList<MigrationRecord> records)
    {
        var directory = temp.File(name);
        Directory.CreateDirectory(directory);
        await MigrationsCsv.WriteAsync(Path.Combine(directory, RunFiles.Migrations), records);
        await EnvironmentCsv.WriteAsync(Path.Combine(directory, RunFiles.Environment), SampleEnvironment.Create());
        return directory;
    }

    private static async Task<(int Code, string Stdout, string Stderr)> CompareAsync(params string[] arguments)
    {
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        var result = await CliWrap.Cli.Wrap("dotnet")
            .WithArguments([Path.Combine(AppContext.BaseDirectory, "criubench.dll"), "compare", .. arguments])
            .WithEnvironmentVariables(variables => variables.Set("CRIUBENCH_WORKLOADS", WorkloadAssets.Directory))
            .WithStandardOutputPipe(PipeTarget.ToStringBuilder(stdout))
            .WithStandardErrorPipe(PipeTarget.ToStringBuilder(stderr))
            .WithValidation(CommandResultValidation.None)
            .ExecuteAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
        return (result.ExitCode, stdout.ToString(), stderr.ToString());
    }

    public void Dispose() => temp.Dispose();
}
