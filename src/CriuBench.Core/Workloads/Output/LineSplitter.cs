namespace CriuBench.Workloads.Output;

/// <summary>
/// Cuts a byte stream, fed in chunks of any size, into complete lines for a <see cref="GapAccumulator"/>.
/// A line split across chunks is carried in a small fixed buffer; one longer than any well-formed
/// line is counted as malformed without being kept whole. Whatever is carried when the stream ends
/// has no '\n' yet: an incomplete line, ignored.
/// </summary>
internal sealed class LineSplitter(GapAccumulator sink, int maxLineLength = OutputLine.MaxLength)
{
    private readonly byte[] _carry = new byte[maxLineLength + 1];
    private int _carried;
    private long _overlongLength;
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
        if (!_overlong && _carried + piece.Length > _carry.Length)
        {
            // Keep the start (to quote it) and only count the rest.
            int room = _carry.Length - _carried;
            piece[..room].CopyTo(_carry.AsSpan(_carried));
            _overlongLength = _carry.Length;
            _carried = _carry.Length;
            _overlong = true;
            piece = piece[room..];
        }
        if (_overlong)
        {
            _overlongLength += piece.Length;
            return;
        }
        piece.CopyTo(_carry.AsSpan(_carried));
        _carried += piece.Length;
    }

    private void EndCarriedLine()
    {
        if (_overlong)
            sink.MalformedLine(_overlongLength, _carry);
        else
            sink.Line(_carry.AsSpan(0, _carried));
        (_carried, _overlong, _overlongLength) = (0, false, 0);
    }
}
