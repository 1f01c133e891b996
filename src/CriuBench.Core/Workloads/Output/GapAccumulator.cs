using System.Text;

namespace CriuBench.Workloads.Output;

/// <summary>
/// Running state of <see cref="StreamingGapAnalyzer"/>: fed one complete line at a time, allocates
/// nothing per line (only for the first malformed line, to quote it, and a check's first failures).
/// </summary>
internal sealed class GapAccumulator(LineFormat format, int maxRecorded, CheckTally? check = null)
{
    private const int SampleLength = 120;
    private readonly List<Discontinuity> _first = new(Math.Min(maxRecorded, 16));
    private readonly bool _timestamps = format.HasTimestamp;
    private long _lines, _malformed, _discontinuities;
    private bool _havePrevious;
    private long _previous, _previousNs;
    private long? _maxDeltaNs;
    private (long Line, string Text)? _firstMalformed;

    /// <summary>A complete line, without its '\n'.</summary>
    public void Line(ReadOnlySpan<byte> line)
    {
        _lines++;
        if (!OutputLine.TryParse(line, format, out long value, out long ns))
        {
            Malformed(line.Length, line);
            return;
        }
        check?.Line(line);
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

    /// <summary>A line too long to be well-formed, seen only in pieces: <paramref name="length"/> bytes, the first of them in <paramref name="start"/>.</summary>
    public void MalformedLine(long length, ReadOnlySpan<byte> start)
    {
        _lines++;
        Malformed(length, start);
    }

    private void Malformed(long length, ReadOnlySpan<byte> text)
    {
        _malformed++;
        check?.Skip(length);
        _firstMalformed ??= (_lines, Encoding.UTF8.GetString(text[..Math.Min(text.Length, SampleLength)]));
    }

    public GapSummary ToSummary() =>
        new(_lines, _discontinuities, _first.ToArray(), _maxDeltaNs / 1e6, _malformed)
        {
            FirstMalformedLineNumber = _firstMalformed?.Line,
            FirstMalformedLine = _firstMalformed?.Text,
        };
}
