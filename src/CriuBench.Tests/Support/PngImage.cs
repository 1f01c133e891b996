using System.Buffers.Binary;
using System.IO.Compression;

namespace CriuBench.Tests.Support;

/// <summary>
/// Just enough of PNG to tell whether a screenshot shows something: decodes 8-bit, non-interlaced
/// RGB and RGBA images (what Chromium writes) into pixels, without an imaging library.
/// </summary>
internal sealed class PngImage
{
    private PngImage(int width, int height, uint[] pixels) => (Width, Height, Pixels) = (width, height, pixels);

    public int Width { get; }
    public int Height { get; }

    /// <summary>0xRRGGBB per pixel, row by row (alpha dropped).</summary>
    public uint[] Pixels { get; }

    public static PngImage Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        byte[] signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
        if (bytes.Length < 8 || !bytes.AsSpan(0, 8).SequenceEqual(signature)) throw new InvalidDataException($"{path} is not a PNG");

        int width = 0, height = 0, channels = 0;
        using var idat = new MemoryStream();
        for (var at = 8; at + 8 <= bytes.Length;)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(at));
            var type = System.Text.Encoding.ASCII.GetString(bytes, at + 4, 4);
            var data = bytes.AsSpan(at + 8, length);
            if (type == "IHDR")
            {
                width = (int)BinaryPrimitives.ReadUInt32BigEndian(data);
                height = (int)BinaryPrimitives.ReadUInt32BigEndian(data[4..]);
                var (depth, colour, interlace) = (data[8], data[9], data[12]);
                if (depth != 8 || interlace != 0 || colour is not (2 or 6))
                    throw new NotSupportedException($"{path}: only 8-bit non-interlaced RGB/RGBA is decoded (depth {depth}, colour type {colour}, interlace {interlace})");
                channels = colour == 6 ? 4 : 3;
            }
            else if (type == "IDAT") idat.Write(data);
            else if (type == "IEND") break;
            at += 12 + length;
        }

        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(idat, CompressionMode.Decompress)) zlib.CopyTo(inflated);
        var raw = inflated.ToArray();
        var stride = width * channels;
        var previous = new byte[stride];
        var current = new byte[stride];
        var pixels = new uint[width * height];
        for (var y = 0; y < height; y++)
        {
            var row = raw.AsSpan(y * (stride + 1), stride + 1);
            Unfilter(row[0], row[1..], previous, current, channels);
            for (var x = 0; x < width; x++)
                pixels[y * width + x] = (uint)(current[x * channels] << 16 | current[x * channels + 1] << 8 | current[x * channels + 2]);
            (previous, current) = (current, previous);
        }
        return new PngImage(width, height, pixels);
    }

    private static void Unfilter(byte filter, ReadOnlySpan<byte> row, byte[] previous, byte[] current, int bpp)
    {
        for (var i = 0; i < row.Length; i++)
        {
            int left = i >= bpp ? current[i - bpp] : 0, up = previous[i], upLeft = i >= bpp ? previous[i - bpp] : 0;
            current[i] = (byte)(row[i] + filter switch
            {
                0 => 0,
                1 => left,
                2 => up,
                3 => (left + up) / 2,
                4 => Paeth(left, up, upLeft),
                _ => throw new InvalidDataException($"PNG filter {filter}"),
            });
        }
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
