using System.Buffers.Binary;
using CriuBench.Criu;
using CriuBench.Criu.Proto;
using Google.Protobuf;

namespace CriuBench.Tests.Criu;

[Trait("Category", "Unit")]
public class CriuStatsReaderTests
{
    // Real files from CRIU 4.1.1 dumping and restoring an 8 MiB ticker (TestData/criu-stats/README.md).
    private static byte[] RealFile(string name) =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "criu-stats", name));

    private static byte[] WithHeader(byte[] payload, uint serviceMagic = CriuStatsReader.ServiceMagic, uint statsMagic = CriuStatsReader.StatsMagic)
    {
        var file = new byte[12 + payload.Length];
        BinaryPrimitives.WriteUInt32LittleEndian(file, serviceMagic);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(4), statsMagic);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(8), (uint)payload.Length);
        payload.CopyTo(file, 12);
        return file;
    }

    [Fact]
    public void A_real_stats_dump_of_an_8_MiB_ticker_decodes_to_its_times_and_pages()
    {
        var dump = CriuStatsReader.ReadDump(RealFile("stats-dump"));
        Assert.Equal(new DumpStats(
            FreezingTime: TimeSpan.FromMicroseconds(135), FrozenTime: TimeSpan.FromMicroseconds(13677),
            MemdumpTime: TimeSpan.FromMicroseconds(4803), MemwriteTime: TimeSpan.FromMicroseconds(3318),
            PagesScanned: 2088, PagesSkippedParent: 0, PagesWritten: 2075, PagesLazy: 0,
            IrmapResolveTime: TimeSpan.Zero, PagePipes: 8, PagePipeBufs: 8,
            ShpagesScanned: 0, ShpagesSkippedParent: 0, ShpagesWritten: 0), dump);
        Assert.True(dump.PagesWritten > 8 * 1024 * 1024 / 4096, "every page of the 8 MiB buffer is written");
        Assert.True(dump.FrozenTime > dump.MemdumpTime, "memory is dumped while the task is frozen");
    }

    [Fact]
    public void A_real_stats_restore_decodes_and_restores_the_pages_the_dump_wrote()
    {
        var restore = CriuStatsReader.ReadRestore(RealFile("stats-restore"));
        Assert.Equal(new RestoreStats(TimeSpan.FromMicroseconds(3), TimeSpan.FromMicroseconds(10398), 0, 0, 2075), restore);
        Assert.Equal(CriuStatsReader.ReadDump(RealFile("stats-dump")).PagesWritten, restore.PagesRestored);
    }

    [Fact]
    public void Reading_from_a_path_gives_the_same_statistics() =>
        Assert.Equal(CriuStatsReader.ReadDump(RealFile("stats-dump")),
            CriuStatsReader.ReadDumpFile(Path.Combine(AppContext.BaseDirectory, "TestData", "criu-stats", "stats-dump")));

    [Fact]
    public void A_file_that_is_not_a_service_image_names_both_magics()
    {
        byte[] file = RealFile("stats-dump");
        file[0] ^= 0xFF;
        var e = Assert.Throws<InvalidDataException>(() => CriuStatsReader.ReadDump(file));
        Assert.Equal("not a CRIU stats-dump file: magic 0x551059bf expected 0x55105940", e.Message);
    }

    [Fact]
    public void A_service_image_that_is_not_stats_is_rejected()
    {
        byte[] irmapCache = WithHeader([], statsMagic: 0x57004059); // IRMAP_CACHE_MAGIC
        var e = Assert.Throws<InvalidDataException>(() => CriuStatsReader.ReadRestore(irmapCache));
        Assert.Equal("not a CRIU stats-restore file: stats magic 0x57004059 expected 0x57093306", e.Message);
    }

    [Fact]
    public void A_truncated_file_is_rejected_with_both_lengths()
    {
        byte[] file = RealFile("stats-dump");
        var e = Assert.Throws<InvalidDataException>(() => CriuStatsReader.ReadDump(file.AsSpan(0, file.Length - 1)));
        Assert.Contains("header says 36 bytes of statistics, 35 follow", e.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(11)]
    public void A_file_shorter_than_its_header_is_rejected(int length)
    {
        var e = Assert.Throws<InvalidDataException>(() => CriuStatsReader.ReadRestore(RealFile("stats-restore").AsSpan(0, length)));
        Assert.Contains("shorter than its 12-byte header", e.Message);
    }

    [Fact]
    public void A_stats_restore_file_is_not_taken_for_a_stats_dump()
    {
        var e = Assert.Throws<InvalidDataException>(() => CriuStatsReader.ReadDump(RealFile("stats-restore")));
        Assert.Contains("no dump statistics", e.Message);
        Assert.Throws<InvalidDataException>(() => CriuStatsReader.ReadRestore(RealFile("stats-dump")));
    }

    [Fact]
    public void A_damaged_payload_is_invalid_data() =>
        Assert.Throws<InvalidDataException>(() => CriuStatsReader.ReadDump(WithHeader([0x0a, 0x05, 0xff, 0xff])));

    [Fact]
    public void Statistics_missing_required_values_are_invalid_data()
    {
        byte[] emptyDump = WithHeader(new stats_entry { Dump = new dump_stats_entry { FrozenTime = 1 } }.ToByteArray());
        var e = Assert.Throws<InvalidDataException>(() => CriuStatsReader.ReadDump(emptyDump));
        Assert.Contains("required statistics are missing", e.Message);
    }

    [Fact]
    public void Optional_values_an_older_CRIU_leaves_out_are_null()
    {
        var older = new restore_stats_entry { PagesCompared = 1, PagesSkippedCow = 2, ForkingTime = 3, RestoreTime = 4 };
        var restore = CriuStatsReader.ReadRestore(WithHeader(new stats_entry { Restore = older }.ToByteArray()));
        Assert.Equal(new RestoreStats(TimeSpan.FromMicroseconds(3), TimeSpan.FromMicroseconds(4), 1, 2, null), restore);
    }
}
