using System.Buffers.Text;

namespace CriuBench.Tests.Output;

/// <summary>
/// A read-only stream of ticker lines made on the fly without allocating, so a test can read a
/// large log and measure only the reader's allocations. Value <paramref name="lostAt"/> is skipped.
/// </summary>
internal sealed class TickerLogStream(long lines, long lostAt) : Stream
{
    private readonly byte[] _line = new byte[48];
    private int _lineLength, _lineSent;
    private long _next;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int written = 0;
        while (written < buffer.Length)
        {
            if (_lineSent == _lineLength && !NextLine())
                break;
            int n = Math.Min(buffer.Length - written, _lineLength - _lineSent);
            _line.AsSpan(_lineSent, n).CopyTo(buffer[written..]);
            (_lineSent, written) = (_lineSent + n, written + n);
        }
        return written;
    }

    private bool NextLine()
    {
        if (_next == lostAt)
            _next++;
        if (_next - (_next > lostAt && lostAt >= 0 ? 1 : 0) >= lines)
            return false;
        Utf8Formatter.TryFormat(_next, _line, out int a);
        _line[a] = (byte)' ';
        Utf8Formatter.TryFormat(1_795_000_000_000_000_000 + _next * 1_000_000, _line.AsSpan(a + 1), out int b);
        _line[a + 1 + b] = (byte)'\n';
        (_lineLength, _lineSent, _next) = (a + b + 2, 0, _next + 1);
        return true;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
