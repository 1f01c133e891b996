namespace CriuBench.Workloads.Output;

/// <summary>
/// Field numbers (from 1) of a client's line: this request's latency in microseconds, and the
/// running counts of failed requests and of connections opened (the first ones included).
/// </summary>
public sealed record ClientFields(int LatencyUs, int Failed, int Connects)
{
    /// <summary>What the built-in clients print: "counter timestamp-ns latency-us failed connects verdict".</summary>
    public static ClientFields BuiltIn { get; } = new(3, 4, 5);
}
