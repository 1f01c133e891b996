using CriuBench.Reporting;

using CriuBench.Tests.Support;
using CriuBench.Reporting.Writing;

namespace CriuBench.Tests.Reporting;

[Trait("Category", "Unit")]
public sealed class ReportWriterTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Regenerating_a_report_twice_gives_byte_identical_summary_csv_and_md()
    {
        var writer = new ReportWriter();
        await WriteRunAsync(_dir.Path);

        await writer.RegenerateAsync(_dir.Path);
        var csv = await File.ReadAllBytesAsync(_dir.File(RunFiles.SummaryCsv));
        var md = await File.ReadAllBytesAsync(_dir.File(RunFiles.SummaryMarkdown));
        await writer.RegenerateAsync(_dir.Path);

        Assert.Equal(csv, await File.ReadAllBytesAsync(_dir.File(RunFiles.SummaryCsv)));
        Assert.Equal(md, await File.ReadAllBytesAsync(_dir.File(RunFiles.SummaryMarkdown)));
    }

    [Fact]
    public async Task A_report_regenerated_from_csv_matches_the_one_written_from_the_records()
    {
        var records = SampleRecords.SmallRun();
        var environment = SampleEnvironment.Create();
        var fromRecords = _dir.File("from-records");
        await new ReportWriter().WriteAsync(fromRecords, records, environment, CancellationToken.None);
        var fromCsv = _dir.File("from-csv");
        await WriteRunAsync(fromCsv);

        await new ReportWriter().RegenerateAsync(fromCsv);

        foreach (var file in new[] { RunFiles.SummaryCsv, RunFiles.SummaryMarkdown, RunFiles.Environment })
            Assert.Equal(await File.ReadAllTextAsync(Path.Combine(fromRecords, file)), await File.ReadAllTextAsync(Path.Combine(fromCsv, file)));
    }

    [Fact]
    public async Task Loading_a_run_directory_reads_back_its_migrations_and_environment()
    {
        await WriteRunAsync(_dir.Path);

        var (records, environment) = await ReportWriter.LoadAsync(_dir.Path);

        Assert.Equal(SampleRecords.SmallRun(), records);
        Assert.Equal(SampleEnvironment.Create() with { LinkRates = environment.LinkRates, Hosts = environment.Hosts }, environment);
        Assert.Equal(SampleEnvironment.Create().Hosts, environment.Hosts);
    }

    [Fact]
    public async Task The_whole_report_regenerated_is_byte_identical_charts_included()
    {
        var writer = new ReportWriter();
        await WriteRunAsync(_dir.Path);

        await writer.RegenerateAsync(_dir.Path);
        var first = Snapshot(_dir.Path);
        await writer.RegenerateAsync(_dir.Path);
        var second = Snapshot(_dir.Path);

        Assert.Contains("charts/report_stop_time_counter.svg", first.Keys);
        Assert.Contains("charts/report_stop_time_counter.png", first.Keys);
        Assert.Equal(first.Keys, second.Keys);
        foreach (var (file, bytes) in first) Assert.True(bytes.SequenceEqual(second[file]), $"{file} differs between regenerations");
    }

    [Fact]
    public async Task A_report_written_from_the_rows_and_regenerated_from_its_csv_is_byte_identical_file_by_file()
    {
        var records = Comparison.ComparisonRecords.Run();
        var writer = new ReportWriter();
        await MigrationsCsv.WriteAsync(_dir.File(RunFiles.Migrations), records);
        await writer.WriteAsync(_dir.Path, records, SampleEnvironment.Create(), CancellationToken.None);
        var written = Snapshot(_dir.Path);

        await writer.RegenerateAsync(_dir.Path);
        var regenerated = Snapshot(_dir.Path);
        await writer.RegenerateAsync(_dir.Path);
        var again = Snapshot(_dir.Path);

        foreach (var file in new[] { RunFiles.SummaryCsv, RunFiles.SummaryMarkdown, RunFiles.ReportMarkdown, RunFiles.ReportHtml, "charts/report_stop_vs_bound.svg" })
            Assert.Contains(file, written.Keys);
        Assert.Equal(written.Keys, regenerated.Keys);
        Assert.Equal(written.Keys, again.Keys);
        foreach (var (file, bytes) in written)
        {
            Assert.True(bytes.SequenceEqual(regenerated[file]), $"{file} differs between writing from the rows and regenerating from the CSV");
            Assert.True(bytes.SequenceEqual(again[file]), $"{file} differs between two regenerations");
        }
    }

    /// <summary>What the harness leaves behind: migrations.csv appended row by row, and environment.csv.</summary>
    private static async Task WriteRunAsync(string runDirectory)
    {
        Directory.CreateDirectory(runDirectory);
        await EnvironmentCsv.WriteAsync(Path.Combine(runDirectory, RunFiles.Environment), SampleEnvironment.Create());
        await using var migrations = await MigrationsCsvWriter.OpenAsync(Path.Combine(runDirectory, RunFiles.Migrations));
        foreach (var record in SampleRecords.SmallRun()) await migrations.WriteAsync(record);
    }

    private static SortedDictionary<string, byte[]> Snapshot(string directory) => new(
        Directory.GetFiles(directory, "*", SearchOption.AllDirectories)
            .ToDictionary(path => Path.GetRelativePath(directory, path), File.ReadAllBytes),
        StringComparer.Ordinal);
}
