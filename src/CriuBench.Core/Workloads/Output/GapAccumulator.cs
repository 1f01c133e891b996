namespace CriuBench.Workloads.Output;

/// <summary>Running state of <see cref="StreamingGapAnalyzer"/>: fed one complete line at a time, allocates nothing per line.</summary>
internal sealed class GapAccumulator(OutputFormat format, int maxRecorded)
{
    private readonly List<Discontinuity> _first = new(Math.Min(maxRecorded, 16));
    private readonly bool _timestamps = format == OutputFormat.CounterTimestamp;
    private long _lines, _malformed, _discontinuities;
    private bool _havePrevious;
    private long _previous, _previousNs;
    private long? _maxDeltaNs;

    /// <summary>A complete line, without its '\n'.</summary>
    public void Line(ReadOnlySpan<byte> line)
    {
        _lines++;
        if (!OutputLine.TryParse(line, format, out long value, out long ns))
        {
            _malformed++;
            return;
        }
        if (_havePrevious)
        {
            long deltaNs = ns - _previousNs;
            if (_timestamps)
                _maxDeltaNs = Math.Max(_maxDeltaNs ?? long.MinValue, deltaNs);
            if (value != unchecked(_previous + 1))
            {
                _discontinuities++;
                if (_first.Count < maxRecorded)
                    _first.Add(new Discontinuity(_lines, _previous, value, _timestamps ? deltaNs / 1e6 : null));
            }
        }
        (_havePrevious, _previous, _previousNs) = (true, value, ns);
    }

    /// <summary>A line too long to be well-formed, seen only in pieces.</summary>
    public void MalformedLine()
    {
        _lines++;
        _malformed++;
    }

    public GapSummary ToSummary() =>
        new(_lines, _discontinuities, _first.ToArray(), _maxDeltaNs / 1e6, _malformed);
}
