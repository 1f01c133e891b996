using CriuBench.Measurements;
using CriuBench.Reporting.Comparison;

namespace CriuBench.Tests.Reporting.Comparison;

[Trait("Category", "Unit")]
public sealed class CriuCrossCheckTests
{
    private static IReadOnlyList<CriuCrossCheck.Check> Check(params MigrationRecord[] records) =>
        CriuCrossCheck.Of(new ComparisonData(records, Summarizer.Summarize(records), SampleEnvironment.Create()));

    [Fact]
    public void The_margin_is_the_harness_stop_time_minus_criu_frozen_and_restore_time()
    {
        var check = Assert.Single(Check(SampleRecords.Successful() with { StopTimeMs = 100, CriuFrozenTimeMs = 30, CriuRestoreTimeMs = 20 }));

        var migration = Assert.Single(check.Migrations);
        Assert.Equal((50.0, 50.0, false), (migration.CriuSumMs, migration.MarginMs, migration.CriuExceedsHarness));
    }

    [Fact]
    public void A_migration_whose_criu_sum_exceeds_the_stop_time_is_flagged()
    {
        var check = Assert.Single(Check(
            SampleRecords.Successful(repetition: 1) with { StopTimeMs = 100, CriuFrozenTimeMs = 80, CriuRestoreTimeMs = 30 },
            SampleRecords.Successful(repetition: 2) with { StopTimeMs = 100, CriuFrozenTimeMs = 10, CriuRestoreTimeMs = 10 }));

        Assert.Equal([true, false], check.Migrations.Select(m => m.CriuExceedsHarness));
    }

    [Fact]
    public void Rows_without_criu_statistics_are_left_out()
    {
        Assert.Empty(Check(SampleRecords.Successful() with { StopTimeMs = 100, CriuFrozenTimeMs = 30 }));
    }

    [Theory]
    [InlineData("runc", 100.4, true)]
    [InlineData("docker", 85, true)]
    [InlineData("runc", 30, false)]
    [InlineData("process", 100, false)]
    public void A_container_freezing_time_near_100_ms_is_recognised_as_the_freezer_polling(string engine, double freezingMs, bool near)
    {
        var check = Assert.Single(Check(SampleRecords.Successful(engine: engine) with
        {
            StopTimeMs = 500, CriuFrozenTimeMs = 120, CriuRestoreTimeMs = 20, CriuFreezingTimeMs = freezingMs,
        }));

        Assert.Equal(near, check.FreezingNearPoll);
    }
}
