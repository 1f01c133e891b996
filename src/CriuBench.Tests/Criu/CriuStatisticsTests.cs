using CriuBench.Criu;
using CriuBench.Tests.Reporting;

namespace CriuBench.Tests.Criu;

[Trait("Category", "Unit")]
public sealed class CriuStatisticsTests
{
    private static DumpStats Dump(TimeSpan frozen) =>
        new(TimeSpan.FromMilliseconds(2), frozen, TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(7), 100, 0, 100, 0, null, null, null, null, null, null);

    [Fact]
    public void A_lazy_dump_s_frozen_time_read_off_an_unstopped_timer_is_left_empty_and_the_rest_kept()
    {
        // What a post-copy row carried: CRIU's frozen time as long as the machine had been up.
        var stats = new CriuStatistics(Dump(TimeSpan.FromSeconds(4100)), new RestoreStats(TimeSpan.FromMilliseconds(3), TimeSpan.FromMilliseconds(30), 0, 0, 100));

        var row = stats.AddTo(SampleRecords.Successful(), attemptLength: TimeSpan.FromSeconds(2));

        Assert.Null(row.CriuFrozenTimeMs);
        Assert.Equal(2, row.CriuFreezingTimeMs);
        Assert.Equal(30, row.CriuRestoreTimeMs);
    }

    [Fact]
    public void Times_inside_the_attempt_are_kept()
    {
        var row = new CriuStatistics(Dump(TimeSpan.FromMilliseconds(80)), null).AddTo(SampleRecords.Successful(), TimeSpan.FromSeconds(2));

        Assert.Equal(80, row.CriuFrozenTimeMs);
        Assert.Null(row.CriuRestoreTimeMs);
    }
}
