using System.Text;
using CriuBench.Workloads.Output;

namespace CriuBench.Tests.Workloads.Services;

/// <summary>A service client's lines around one migration: the largest gap, the counter's breaks, the counts and the tail latency.</summary>
[Trait("Category", "Unit")]
public sealed class ClientWindowAnalyzerTests
{
    private static readonly LineFormat Format = new(OutputFormat.CounterTimestamp, TimestampUnit.Nanoseconds, ExtraFields: true);
    private const long Ms = 1_000_000;
    private const long T0 = 1_764_000_000_000 * Ms;

    /// <summary>"counter ts latency-us failed connects ok" lines, one per (counter, ms after T0, latency us, failed, connects).</summary>
    private static byte[] Lines(params (long Counter, long AtMs, long LatencyUs, long Failed, long Connects)[] lines) =>
        Encoding.ASCII.GetBytes(string.Concat(lines.Select(l => $"{l.Counter} {T0 + l.AtMs * Ms} {l.LatencyUs} {l.Failed} {l.Connects} ok\n")));

    [Fact]
    public void The_downtime_is_the_largest_gap_after_the_mark_and_kept_connections_count_no_reconnect()
    {
        var before = Lines((1, 0, 100, 0, 1), (2, 1, 100, 0, 1));
        var text = before.Concat(Lines((3, 2, 100, 0, 1), (4, 400, 398_000, 0, 1), (5, 401, 100, 0, 1), (6, 6000, 100, 0, 1))).ToArray();

        var report = ClientWindowAnalyzer.Analyze(text, 0, before.Length, Format, ClientFields.BuiltIn, restoredNs: T0 + 390 * Ms, TimeSpan.FromSeconds(5))!;

        Assert.Equal(398, report.DowntimeMs);
        Assert.Equal((3, 4), (report.LastBefore, report.FirstAfter));
        Assert.Equal(0, report.CounterGap);
        Assert.Equal((0L, 0L), (report.FailedRequests, report.Reconnects));
        Assert.True(report.Complete); // the line at 6000 ms lies past the window's end (390 + 5000)
        Assert.Equal(398, report.P99AfterMs); // two latencies after the restore: the nearest rank of 99% is the larger
        Assert.Equal(before.Length + Lines((3, 2, 100, 0, 1)).Length, report.FirstAfterOffset); // where line 4 begins
    }

    [Fact]
    public void A_reset_connection_shows_as_a_failed_request_and_a_connection_opened_again()
    {
        var before = Lines((10, 0, 100, 2, 3));
        var text = before.Concat(Lines((11, 900, 800_000, 3, 4), (12, 901, 100, 3, 4), (13, 9000, 100, 3, 4))).ToArray();

        var report = ClientWindowAnalyzer.Analyze(text, 0, before.Length, Format, ClientFields.BuiltIn, T0 + 100 * Ms, TimeSpan.FromSeconds(5))!;

        Assert.Equal((1L, 1L), (report.FailedRequests, report.Reconnects));
        Assert.Equal(900, report.DowntimeMs);
    }

    [Fact]
    public void A_lost_request_breaks_the_counter_and_a_client_without_fields_has_no_counts()
    {
        var before = Lines((1, 0, 1, 0, 1));
        var text = before.Concat(Lines((3, 50, 1, 0, 1), (4, 51, 1, 0, 1))).ToArray();

        var report = ClientWindowAnalyzer.Analyze(text, 0, before.Length, Format, fields: null, T0, TimeSpan.FromSeconds(5))!;

        Assert.Equal(1, report.CounterGap);
        Assert.Null(report.FailedRequests);
        Assert.Null(report.P99AfterMs);
        Assert.False(report.Complete); // nothing printed past the window yet
    }

    [Fact]
    public void No_line_after_the_mark_is_no_report()
    {
        var text = Lines((1, 0, 1, 0, 1));
        Assert.Null(ClientWindowAnalyzer.Analyze(text, 0, text.Length, Format, ClientFields.BuiltIn, T0, TimeSpan.FromSeconds(5)));
    }
}
