using CriuBench.Hosts;
using CriuBench.Reporting;
using CriuBench.Tests.Support;
using CriuBench.Reporting.Writing;

namespace CriuBench.Tests.Reporting;

/// <summary>The committed sample (results/sample) is what the code makes of its own CSV files.</summary>
public class SampleRunTests
{
    private static string Sample => Path.Combine(Path.GetDirectoryName(WorkloadAssets.Directory)!, "results", "sample");

    [Fact]
    public async Task The_committed_sample_regenerates_its_summary_byte_for_byte_from_its_csv_files()
    {
        using var copy = new TempDirectory();
        foreach (var file in new[] { RunFiles.Migrations, RunFiles.Environment })
            File.Copy(Path.Combine(Sample, file), copy.File(file));

        var (records, environment) = await ReportWriter.LoadAsync(copy.Path);
        await new ReportWriter().WriteAsync(copy.Path, records, environment, CancellationToken.None);

        Assert.Equal(390, records.Count);
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(Sample, RunFiles.SummaryMarkdown)), await File.ReadAllTextAsync(copy.File(RunFiles.SummaryMarkdown)));
    }
}
