using CriuBench.Reporting;

using CriuBench.Tests.Support;

namespace CriuBench.Tests.Reporting;

[Trait("Category", "Unit")]
public sealed class EnvironmentCsvTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task The_environment_written_to_csv_reads_back_equal()
    {
        var environment = SampleEnvironment.Create() with
        {
            LinkRates = ["1gbit", "100mbit", "unlimited"],
            Hosts =
            [
                new CriuBench.Preflight.HostFeatures { Host = "src", Kind = "ssh", Kernel = "6.1.0-28-amd64", Distribution = "Debian GNU/Linux 12 (bookworm)",
                    CriuVersion = "3.17.1", Cores = 2, MemoryGiB = 1.5, CriuWorks = true, SoftDirty = true, Uffd = true, NfsClient = true, PipeMaxSize = 1048576 },
                new CriuBench.Preflight.HostFeatures { Host = "dst", Kind = "ssh", Kernel = "6.18.0", RuncVersion = "1.1.5", CriuVersion = "4.1.1" },
            ],
        };
        var path = _dir.File("environment.csv");

        await EnvironmentCsv.WriteAsync(path, environment);
        var read = await EnvironmentCsv.ReadAsync(path);

        Assert.Equal(environment.LinkRates, read.LinkRates);
        Assert.Equal(environment.Hosts, read.Hosts);
        Assert.Equal(environment, read with { LinkRates = environment.LinkRates, Hosts = environment.Hosts });
        Assert.Equal(environment.StartedAt.Offset, read.StartedAt.Offset);
    }

    [Fact]
    public async Task A_file_written_before_per_host_rows_reads_with_no_hosts()
    {
        var path = _dir.File("environment.csv");
        await EnvironmentCsv.WriteAsync(path, SampleEnvironment.Create());

        var read = await EnvironmentCsv.ReadAsync(path);

        Assert.DoesNotContain("host1.", await File.ReadAllTextAsync(path));
        Assert.Empty(read.Hosts);
    }

    [Fact]
    public async Task A_missing_runc_version_reads_back_as_null()
    {
        var path = _dir.File("environment.csv");

        await EnvironmentCsv.WriteAsync(path, SampleEnvironment.Create() with { RuncVersion = null });

        Assert.Null((await EnvironmentCsv.ReadAsync(path)).RuncVersion);
    }

    [Fact]
    public async Task The_file_has_two_columns_key_and_value()
    {
        var path = _dir.File("environment.csv");

        await EnvironmentCsv.WriteAsync(path, SampleEnvironment.Create());
        var lines = await File.ReadAllLinesAsync(path);

        Assert.Equal("key,value", lines[0]);
        Assert.Contains("started_at,2025-03-14T09:26:53.5890000+01:00", lines);
        Assert.Contains("command_line,\"criubench run --suite \"\"suites/basic.yaml\"\", --reps 3\"", lines);
    }
}
