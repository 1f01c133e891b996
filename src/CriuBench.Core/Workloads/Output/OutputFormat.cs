namespace CriuBench.Workloads.Output;

/// <summary>How a workload's output lines look, so its progress can be read back.</summary>
public enum OutputFormat
{
    /// <summary><c>N\n</c>: a counter from 0 (workloads/counter.sh).</summary>
    Counter,

    /// <summary><c>N T\n</c>: a counter and CLOCK_REALTIME nanoseconds (workloads/ticker).</summary>
    CounterTimestamp,
}
