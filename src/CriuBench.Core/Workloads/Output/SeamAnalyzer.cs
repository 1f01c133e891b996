namespace CriuBench.Workloads.Output;

/// <summary>
/// Reads the lines on both sides of a checkpoint's seam in a window of a workload's output file,
/// to tell whether values were lost or repeated and how long the output stopped.
/// </summary>
public static class SeamAnalyzer
{
    /// <param name="window">Bytes of the output file from some offset, as read from the host.</param>
    /// <param name="seam">The file's size at checkpoint time minus the window's start offset; always a line boundary.</param>
    /// <param name="format">How the workload's lines look.</param>
    /// <param name="windowStartsAtLine">
    /// True when the window starts at a line's start (e.g. offset 0). Otherwise the bytes before its
    /// first '\n' may be the tail of a cut line and are skipped.
    /// </param>
    /// <remarks>Malformed lines (another writer, noise) are skipped; a trailing line without '\n' is ignored.</remarks>
    public static SeamAnalysis Analyze(ReadOnlySpan<byte> window, long seam, LineFormat format, bool windowStartsAtLine = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(seam);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(seam, window.Length);
        int at = (int)seam;
        if (at > 0 && window[at - 1] != (byte)'\n')
            return SeamAnalysis.Failure(SeamProblem.SeamNotAtLineBoundary,
                $"the byte before the seam (window offset {at}) is not a newline: the output changed or the offsets are wrong");

        bool timestamps = format.HasTimestamp;
        long? maxDeltaNs = null;

        // Before the seam only the newest well-formed line matters: gaps further back belong to
        // earlier events (a previous migration a few lines ago, for a fast workload), not to this one.
        ReadOnlySpan<byte> before = window[..at];
        if (!windowStartsAtLine)
            before = before[(before.IndexOf((byte)'\n') + 1)..];
        long lastBefore = -1, lastBeforeNs = 0;
        while (!before.IsEmpty && lastBefore < 0)
        {
            ReadOnlySpan<byte> body = before[..^1];
            int start = body.LastIndexOf((byte)'\n') + 1;
            before = before[..start];
            if (OutputLine.TryParse(body[start..], format, out long value, out long ns))
                (lastBefore, lastBeforeNs) = (value, ns);
        }
        if (lastBefore < 0)
            return SeamAnalysis.Failure(SeamProblem.NoLineBefore,
                $"no complete well-formed {format} line before the seam in the {window.Length}-byte window");

        // After the seam, oldest first; the first gap is the one across the seam.
        ReadOnlySpan<byte> after = window[at..];
        long firstAfter = -1, firstAfterNs = 0, previousNs = lastBeforeNs;
        int linesAfter = 0;
        for (int nl; (nl = after.IndexOf((byte)'\n')) >= 0; after = after[(nl + 1)..])
        {
            if (!OutputLine.TryParse(after[..nl], format, out long value, out long ns))
                continue;
            if (linesAfter++ == 0)
                (firstAfter, firstAfterNs) = (value, ns);
            if (timestamps)
                maxDeltaNs = Math.Max(maxDeltaNs ?? long.MinValue, ns - previousNs);
            previousNs = ns;
        }
        if (linesAfter == 0)
            return SeamAnalysis.Failure(SeamProblem.NoLineAfter,
                $"no complete well-formed {format} line after the seam yet ({window.Length - at} bytes after it)");

        double? downtimeMs = timestamps ? maxDeltaNs / 1e6 : null;
        return SeamAnalysis.Success(new SeamReport(lastBefore, firstAfter, firstAfter - lastBefore - 1, downtimeMs, linesAfter)
        {
            LastBeforeUnixNs = timestamps ? lastBeforeNs : null,
            FirstAfterUnixNs = timestamps ? firstAfterNs : null,
        });
    }
}
