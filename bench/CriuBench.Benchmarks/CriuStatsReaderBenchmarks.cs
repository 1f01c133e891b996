using BenchmarkDotNet.Attributes;
using CriuBench.Criu;

namespace CriuBench.Benchmarks;

/// <summary>Decoding CRIU's stats-dump and stats-restore: the real files from src/CriuBench.Tests/TestData/criu-stats.</summary>
[MemoryDiagnoser]
public class CriuStatsReaderBenchmarks
{
    private byte[] _dump = [];
    private byte[] _restore = [];

    [GlobalSetup]
    public void ReadFiles()
    {
        var directory = TestData.Directory("criu-stats");
        _dump = File.ReadAllBytes(Path.Combine(directory, "stats-dump"));
        _restore = File.ReadAllBytes(Path.Combine(directory, "stats-restore"));
    }

    [Benchmark]
    public DumpStats ReadDump() => CriuStatsReader.ReadDump(_dump);

    [Benchmark]
    public RestoreStats ReadRestore() => CriuStatsReader.ReadRestore(_restore);
}
