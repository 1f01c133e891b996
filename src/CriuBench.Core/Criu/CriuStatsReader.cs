using System.Buffers.Binary;
using CriuBench.Criu.Proto;
using Google.Protobuf;

namespace CriuBench.Criu;

/// <summary>
/// Decodes the stats-dump and stats-restore files CRIU leaves in its images directory:
/// a service magic, the stats magic and a payload length (each 4 bytes, little-endian),
/// then one StatsEntry protobuf message (CRIU's images/stats.proto).
/// </summary>
public static class CriuStatsReader
{
    /// <summary>IMG_SERVICE_MAGIC in CRIU's criu/include/magic.h ("Zlatoust").</summary>
    public const uint ServiceMagic = 0x55105940;

    /// <summary>STATS_MAGIC in CRIU's criu/include/magic.h ("Ostashkov").</summary>
    public const uint StatsMagic = 0x57093306;

    private const int HeaderLength = 12;

    public static DumpStats ReadDump(ReadOnlySpan<byte> file)
    {
        var dump = Read(file, "stats-dump").Dump
            ?? throw new InvalidDataException("not a CRIU stats-dump file: it holds no dump statistics (a stats-restore file?)");
        return new DumpStats(
            Micros(dump.FreezingTime), Micros(dump.FrozenTime), Micros(dump.MemdumpTime), Micros(dump.MemwriteTime),
            Count(dump.PagesScanned), Count(dump.PagesSkippedParent), Count(dump.PagesWritten), Count(dump.PagesLazy),
            dump.HasIrmapResolve ? Micros(dump.IrmapResolve) : null,
            dump.HasPagePipes ? Count(dump.PagePipes) : null,
            dump.HasPagePipeBufs ? Count(dump.PagePipeBufs) : null,
            dump.HasShpagesScanned ? Count(dump.ShpagesScanned) : null,
            dump.HasShpagesSkippedParent ? Count(dump.ShpagesSkippedParent) : null,
            dump.HasShpagesWritten ? Count(dump.ShpagesWritten) : null);
    }

    public static RestoreStats ReadRestore(ReadOnlySpan<byte> file)
    {
        var restore = Read(file, "stats-restore").Restore
            ?? throw new InvalidDataException("not a CRIU stats-restore file: it holds no restore statistics (a stats-dump file?)");
        return new RestoreStats(
            Micros(restore.ForkingTime), Micros(restore.RestoreTime),
            Count(restore.PagesCompared), Count(restore.PagesSkippedCow),
            restore.HasPagesRestored ? Count(restore.PagesRestored) : null);
    }

    /// <summary>Reads <c>stats-dump</c> from an images directory.</summary>
    public static DumpStats ReadDumpFile(string path) => ReadDump(File.ReadAllBytes(path));

    /// <summary>Reads <c>stats-restore</c> from an images directory.</summary>
    public static RestoreStats ReadRestoreFile(string path) => ReadRestore(File.ReadAllBytes(path));

    private static stats_entry Read(ReadOnlySpan<byte> file, string kind)
    {
        if (file.Length < HeaderLength)
            throw new InvalidDataException($"not a CRIU {kind} file: {file.Length} bytes, shorter than its {HeaderLength}-byte header");
        Expect(file, 0, ServiceMagic, kind, "magic");
        Expect(file, 4, StatsMagic, kind, "stats magic");
        uint length = BinaryPrimitives.ReadUInt32LittleEndian(file[8..]);
        if (length != file.Length - HeaderLength)
            throw new InvalidDataException(
                $"truncated or damaged CRIU {kind} file: header says {length} bytes of statistics, {file.Length - HeaderLength} follow");

        stats_entry entry;
        try
        {
            entry = stats_entry.Parser.ParseFrom(file[HeaderLength..]);
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new InvalidDataException($"damaged CRIU {kind} file: {e.Message}", e);
        }
        if (!entry.IsInitialized())
            throw new InvalidDataException($"damaged CRIU {kind} file: required statistics are missing");
        return entry;
    }

    private static void Expect(ReadOnlySpan<byte> file, int at, uint expected, string kind, string what)
    {
        uint actual = BinaryPrimitives.ReadUInt32LittleEndian(file[at..]);
        if (actual != expected)
            throw new InvalidDataException($"not a CRIU {kind} file: {what} 0x{actual:x8} expected 0x{expected:x8}");
    }

    private static TimeSpan Micros(uint microseconds) => TimeSpan.FromMicroseconds(microseconds);

    private static long Count(ulong value) =>
        value <= long.MaxValue ? (long)value : throw new InvalidDataException($"CRIU statistics count {value} is out of range");
}
