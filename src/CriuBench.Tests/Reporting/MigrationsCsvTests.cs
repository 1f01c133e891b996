using CriuBench.Reporting;

using CriuBench.Tests.Support;

namespace CriuBench.Tests.Reporting;

[Trait("Category", "Unit")]
public sealed class MigrationsCsvTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Rows_written_to_migrations_csv_read_back_equal()
    {
        var records = SampleRecords.SmallRun();
        var path = _dir.File("migrations.csv");

        await MigrationsCsv.WriteAsync(path, records);
        var read = await MigrationsCsv.ReadAsync(path);

        Assert.Equal(records, read);
    }

    [Fact]
    public async Task Doubles_that_have_no_short_decimal_form_read_back_exactly()
    {
        double[] awkward = [0.1 + 0.2, 1.0 / 3, Math.PI * 1e9, 5e-324, double.MaxValue, 123456789.123456789];
        var records = awkward.Select((v, i) => SampleRecords.Successful(repetition: i) with { StopTimeMs = v }).ToList();
        var path = _dir.File("migrations.csv");

        await MigrationsCsv.WriteAsync(path, records);
        var read = await MigrationsCsv.ReadAsync(path);

        Assert.Equal(awkward, read.Select(r => r.StopTimeMs!.Value));
    }

    [Fact]
    public async Task The_header_uses_snake_case_and_the_direction_is_written()
    {
        var path = _dir.File("migrations.csv");

        await MigrationsCsv.WriteAsync(path, [SampleRecords.Successful() with { StopTimeMs = 12.5, Succeeded = true }]);
        var lines = await File.ReadAllLinesAsync(path);

        Assert.StartsWith("run_id,repetition,workload,parameters,engine,strategy,mode,source,destination,direction,link_rate,host_kind,criu_version,cell,succeeded,failure_reason,workload_runs_on,stop_time_ms,", lines[0]);
        Assert.EndsWith(",criu_pages_restored,all_pages_time_ms,migration_time_ms,lazy_pages,post_restore_stall_ms,iterations,stop_rule,stop_reason,link_bytes,engine_checkpoint_time_ms,runtime_checkpoint_time_ms,engine_restore_time_ms,runtime_restore_time_ms,client_downtime_ms,client_failed_requests,connections_kept,connections_total,client_p99_after_ms,client_outcome", lines[0]);
        Assert.StartsWith("run-1,1,counter,,criu,tar,cold,a,b,a->b,1gbit,lab,,,true,,b,12.5,", lines[1]);
    }

    [Fact]
    public async Task A_file_from_before_modes_and_live_columns_reads_as_cold_migrations()
    {
        var path = _dir.File("migrations.csv");
        await MigrationsCsv.WriteAsync(path, [SampleRecords.Successful() with { StopTimeMs = 12.5 }]);
        var header = (await File.ReadAllLinesAsync(path))[0].Split(',');
        var keep = Enumerable.Range(0, header.Length).Where(i => header[i] is not ("mode" or "all_pages_time_ms" or "migration_time_ms" or "lazy_pages" or "post_restore_stall_ms")).ToList();
        await File.WriteAllLinesAsync(path, (await File.ReadAllLinesAsync(path)).Select(line => string.Join(',', keep.Select(i => line.Split(',')[i]))));

        var read = Assert.Single(await MigrationsCsv.ReadAsync(path));

        Assert.Equal("cold", read.Mode);
        Assert.Null(read.AllPagesTimeMs);
        Assert.Equal(12.5, read.StopTimeMs);
    }

    [Fact]
    public async Task Rows_appended_one_at_a_time_are_on_disk_before_the_writer_is_closed()
    {
        var records = SampleRecords.SmallRun();
        var path = _dir.File("migrations.csv");

        await using (var writer = await MigrationsCsvWriter.OpenAsync(path))
        {
            await writer.WriteAsync(records[0]);
            await writer.WriteAsync(records[1]);
            Assert.Equal(records.Take(2), await ReadWhileOpenAsync(path));
        }

        Assert.Equal(records.Take(2), await MigrationsCsv.ReadAsync(path));
    }

    [Fact]
    public async Task Reopening_an_existing_file_appends_without_a_second_header()
    {
        var records = SampleRecords.SmallRun();
        var path = _dir.File("migrations.csv");

        await using (var writer = await MigrationsCsvWriter.OpenAsync(path)) await writer.WriteAsync(records[0]);
        await using (var writer = await MigrationsCsvWriter.OpenAsync(path)) await writer.WriteAsync(records[1]);

        Assert.Equal(records.Take(2), await MigrationsCsv.ReadAsync(path));
    }

    [Fact]
    public async Task Appending_to_a_file_with_other_columns_is_refused()
    {
        var path = _dir.File("migrations.csv");
        await File.WriteAllTextAsync(path, "something,else\n1,2\n");

        await Assert.ThrowsAsync<InvalidDataException>(() => MigrationsCsvWriter.OpenAsync(path));
    }

    private static async Task<IReadOnlyList<CriuBench.Measurements.MigrationRecord>> ReadWhileOpenAsync(string path)
    {
        var copy = path + ".copy";
        await using (var source = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        await using (var target = File.Create(copy))
            await source.CopyToAsync(target);
        return await MigrationsCsv.ReadAsync(copy);
    }
}
