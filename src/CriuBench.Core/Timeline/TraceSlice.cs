namespace CriuBench.Timeline;

/// <summary>One slice as the trace draws it: on a role's track, times rounded as written (0.1 µs), so nesting is checked on what a viewer reads.</summary>
public sealed record TraceSlice(string Role, string Name, string Category, double StartUs, double EndUs, IReadOnlyDictionary<string, object> Args,
    bool Instant = false, bool Measured = false)
{
    public double DurationUs => EndUs - StartUs;
}
