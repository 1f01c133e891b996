namespace CriuBench.Workloads.Output;

/// <summary>
/// Cuts a byte stream, fed in chunks of any size, into complete lines for a <see cref="GapAccumulator"/>.
/// A line split across chunks is carried in a small fixed buffer; one longer than any well-formed
/// line is counted as malformed without being kept. Whatever is carried when the stream ends has
/// no '\n' yet: an incomplete line, ignored.
/// </summary>
internal sealed class LineSplitter(GapAccumulator sink)
{
    private readonly byte[] _carry = new byte[OutputLine.MaxLength + 1];
    private int _carried;
    private bool _overlong;

    public void Feed(ReadOnlySpan<byte> chunk)
    {
        while (!chunk.IsEmpty)
        {
            int nl = chunk.IndexOf((byte)'\n');
            ReadOnlySpan<byte> piece = nl < 0 ? chunk : chunk[..nl];
            if (_carried == 0 && !_overlong && nl >= 0)
                sink.Line(piece); // the common case: a whole line inside the chunk, not copied
            else
            {
                Carry(piece);
                if (nl >= 0)
                    EndCarriedLine();
            }
            chunk = nl < 0 ? default : chunk[(nl + 1)..];
        }
    }

    private void Carry(ReadOnlySpan<byte> piece)
    {
        if (_overlong || _carried + piece.Length > _carry.Length)
        {
            _overlong = true;
            return;
        }
        piece.CopyTo(_carry.AsSpan(_carried));
        _carried += piece.Length;
    }

    private void EndCarriedLine()
    {
        if (_overlong)
            sink.MalformedLine();
        else
            sink.Line(_carry.AsSpan(0, _carried));
        (_carried, _overlong) = (0, false);
    }
}
