using System.Text;

namespace CriuBench.Workloads.Output;

/// <summary>
/// Runs an <see cref="OutputCheck"/> over every line of a whole output and counts failures per
/// segment between migration seams: segment 0 is before the first migration, segment k after the
/// k-th. Fed lines in order with their lengths, so it knows each line's byte offset.
/// </summary>
internal sealed class CheckTally(OutputCheck check, IReadOnlyList<OutputSeam> seams)
{
    /// <summary>How much of a failing line a message quotes.</summary>
    private const int SampleLength = 120;

    private readonly long[] _failed = new long[seams.Count + 1];
    private readonly (long Line, string Text)?[] _firstFailure = new (long, string)?[seams.Count + 1];
    private long _offset, _lines, _checked;
    private int _segment;

    /// <summary>A complete, well-formed line (without its '\n'): checked.</summary>
    public void Line(ReadOnlySpan<byte> line)
    {
        Advance(line.Length);
        _checked++;
        if (check.Holds(line)) return;
        _failed[_segment]++;
        _firstFailure[_segment] ??= (_lines, Encoding.UTF8.GetString(line[..Math.Min(line.Length, SampleLength)]));
    }

    /// <summary>A line the format did not parse (the gap analysis counts it): not checked, but it takes its bytes.</summary>
    public void Skip(long length) => Advance(length);

    private void Advance(long length)
    {
        while (_segment < seams.Count && _offset >= seams[_segment].Offset) _segment++;
        _offset += length + 1;
        _lines++;
    }

    public CheckSummary ToSummary() => new(check, _checked,
        Enumerable.Range(0, _failed.Length)
            .Where(i => _failed[i] > 0)
            .Select(i => new CheckFailure(i == 0 ? null : seams[i - 1].MigrationId, _failed[i], _firstFailure[i]!.Value.Line, _firstFailure[i]!.Value.Text))
            .ToList());
}

/// <summary>
/// Lines that failed the check after one seam: <paramref name="AfterMigration"/> is that migration's
/// id, or null for lines before the first migration.
/// </summary>
public sealed record CheckFailure(string? AfterMigration, long Lines, long FirstLineNumber, string FirstLine);

/// <summary>A check over a whole output: how many lines it read, and where lines failed.</summary>
public sealed record CheckSummary(OutputCheck Check, long CheckedLines, IReadOnlyList<CheckFailure> Failures)
{
    public bool Passed => CheckedLines > 0 && Failures.Count == 0;
}
