using BenchmarkDotNet.Attributes;
using CriuBench.Measurements;
using CriuBench.Reporting;

namespace CriuBench.Benchmarks;

/// <summary>Exporting migrations.csv: 10k rows with every column filled, written to a temp file.</summary>
[MemoryDiagnoser]
public class MigrationsCsvBenchmarks
{
    [Params(10_000)]
    public int Rows { get; set; }

    private IReadOnlyList<MigrationRecord> _records = [];
    private string _path = "";

    [GlobalSetup]
    public void MakeRows()
    {
        _path = Path.Combine(Path.GetTempPath(), $"criubench-bench-migrations-{Environment.ProcessId}.csv");
        _records = Enumerable.Range(0, Rows).Select(i => new MigrationRecord
        {
            RunId = "20261122-003632-default",
            Repetition = i % 10 + 1,
            Workload = i % 3 == 0 ? "counter" : "memory-256m-d50",
            Engine = "process",
            Strategy = i % 2 == 0 ? "tar" : "shared",
            Source = i % 2 == 0 ? "src" : "dst",
            Destination = i % 2 == 0 ? "dst" : "src",
            LinkRate = "1gbit",
            HostKind = "lab-netns",
            Succeeded = true,
            WorkloadRunsOn = i % 2 == 0 ? "dst" : "src",
            StopTimeMs = 494.721 + i * 0.013,
            CheckpointTimeMs = 64.004 + i * 0.007,
            TransferTimeMs = 328.592 + i * 0.011,
            RestoreTimeMs = 63.393 + i * 0.003,
            TotalTimeMs = 785.806 + i * 0.017,
            ImageBytes = 465_702 + i,
            PageBytes = 454_656,
            TransferredBytes = 491_520,
            CounterGap = 0,
            AppDowntimeMs = 512.25 + i * 0.001,
            CriuFreezingTimeMs = 0.233,
            CriuFrozenTimeMs = 10.31,
            CriuMemdumpTimeMs = 0.871,
            CriuMemwriteTimeMs = 0.315,
            CriuPagesScanned = 170,
            CriuPagesWritten = 111,
            CriuRestoreTimeMs = 4.512,
            CriuForkingTimeMs = 0.419,
            CriuPagesRestored = 111,
        }).ToList();
    }

    [GlobalCleanup]
    public void DeleteFile() => File.Delete(_path);

    [Benchmark]
    public Task WriteAsync() => MigrationsCsv.WriteAsync(_path, _records);
}
