using System.Text;
using BenchmarkDotNet.Attributes;
using CriuBench.Workloads.Output;

namespace CriuBench.Benchmarks;

/// <summary>
/// Reading a whole ticker log (counter and nanosecond timestamp per line) from a file. Allocations
/// must not grow with the log: 1M and 10M lines should allocate the same few hundred bytes.
/// </summary>
[MemoryDiagnoser]
public class StreamingGapAnalyzerBenchmarks
{
    [Params(1_000_000, 10_000_000)]
    public int Lines { get; set; }

    private string _path = "";

    /// <summary>Writes the log once per parameter: one value lost in the middle, 1 ms between lines.</summary>
    [GlobalSetup]
    public void WriteLog()
    {
        _path = Path.Combine(Path.GetTempPath(), $"criubench-bench-ticker-{Lines}-{Environment.ProcessId}.log");
        using var writer = new StreamWriter(_path, append: false, new UTF8Encoding(false), bufferSize: 1 << 20);
        var lost = Lines / 2;
        for (long i = 0; i <= Lines; i++)
        {
            if (i == lost) continue;
            writer.Write(i);
            writer.Write(' ');
            writer.Write(1_795_000_000_000_000_000 + i * 1_000_000);
            writer.Write('\n');
        }
    }

    [GlobalCleanup]
    public void DeleteLog() => File.Delete(_path);

    [Benchmark]
    public GapSummary Analyze()
    {
        // bufferSize 1: no FileStream buffer of its own, the analyzer's pooled buffer is the only one.
        using var log = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        var summary = StreamingGapAnalyzer.Analyze(log, OutputFormat.CounterTimestamp);
        if (summary.Discontinuities != 1) throw new InvalidOperationException($"expected the one lost value, found {summary.Discontinuities} discontinuities");
        return summary;
    }
}
