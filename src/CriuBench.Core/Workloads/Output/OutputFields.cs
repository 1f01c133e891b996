namespace CriuBench.Workloads.Output;

/// <summary>Fields of an output line: separated by runs of spaces or tabs, numbered from 1.</summary>
public static class OutputFields
{
    public static bool TryGet(ReadOnlySpan<byte> line, int number, out ReadOnlySpan<byte> field)
    {
        field = default;
        int index = 0;
        while (true)
        {
            int start = IndexOfNonSeparator(line);
            if (start < 0) return false;
            line = line[start..];
            int end = line.IndexOfAny((byte)' ', (byte)'\t');
            if (++index == number)
            {
                field = end < 0 ? line : line[..end];
                return true;
            }
            if (end < 0) return false;
            line = line[end..];
        }
    }

    private static int IndexOfNonSeparator(ReadOnlySpan<byte> line) => line.IndexOfAnyExcept((byte)' ', (byte)'\t');
}
