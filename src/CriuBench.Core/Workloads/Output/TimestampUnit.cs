namespace CriuBench.Workloads.Output;

/// <summary>The unit of a workload's timestamp field. Nanoseconds is the default: what ticker prints.</summary>
public enum TimestampUnit
{
    Nanoseconds,
    Microseconds,
    Milliseconds,
    Seconds,

    /// <summary>
    /// Decided per value by its magnitude, assuming Unix-epoch time: below 1e11 seconds, below 1e14
    /// milliseconds, below 1e17 microseconds, otherwise nanoseconds. A fraction is allowed in any unit.
    /// </summary>
    Auto,
}
