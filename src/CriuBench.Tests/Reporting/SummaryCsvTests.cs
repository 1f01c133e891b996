using CriuBench.Measurements;
using CriuBench.Reporting;

using CriuBench.Tests.Support;

namespace CriuBench.Tests.Reporting;

[Trait("Category", "Unit")]
public sealed class SummaryCsvTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Summary_rows_written_to_csv_read_back_equal()
    {
        var rows = Summarizer.Summarize(SampleRecords.SmallRun());
        var path = _dir.File("summary.csv");

        await SummaryCsv.WriteAsync(path, rows);

        Assert.Equal(rows, await SummaryCsv.ReadAsync(path));
    }

    [Fact]
    public async Task The_summary_has_snake_case_columns_and_invariant_numbers()
    {
        var path = _dir.File("summary.csv");
        SummaryRow row = new("counter", "criu", "tar", "postcopy", "1gbit", "stop_time", "ms", 3, 1, 1234.5, 1500.25, 1000, 1600, 1300.5, 0.1 + 0.2, "mib=16");

        await SummaryCsv.WriteAsync(path, [row]);

        Assert.Equal(
            "workload,engine,strategy,mode,link_rate,metric,unit,n,failures,median,p95,min,max,mean,std_dev,parameters\n" +
            "counter,criu,tar,postcopy,1gbit,stop_time,ms,3,1,1234.5,1500.25,1000,1600,1300.5,0.30000000000000004,mib=16\n",
            await File.ReadAllTextAsync(path));
    }
}
