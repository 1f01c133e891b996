using System.Text;
using CriuBench.Workloads.Output;

namespace CriuBench.Tests.Output;

[Trait("Category", "Unit")]
public class StallAnalyzerTests
{
    private static byte[] Lines(params long[] timestampsMs) =>
        Encoding.ASCII.GetBytes(string.Concat(timestampsMs.Select((ms, i) => $"{i} {ms * 1_000_000}\n")));

    [Fact]
    public void The_stall_is_the_largest_gap_between_lines_printed_before_the_last_page_arrived() =>
        // Gaps 5, 150, 5 | the 400 ms gap starts after the last page (at 170 ms) and is not the stall.
        Assert.Equal(150, StallAnalyzer.LargestGapMs(Lines(10, 15, 165, 170, 570), untilNs: 168_000_000));

    [Fact]
    public void A_gap_that_spans_the_last_page_s_arrival_counts() =>
        Assert.Equal(300, StallAnalyzer.LargestGapMs(Lines(10, 15, 315), untilNs: 100_000_000));

    [Fact]
    public void Without_an_end_every_gap_counts() =>
        Assert.Equal(400, StallAnalyzer.LargestGapMs(Lines(10, 15, 165, 170, 570), untilNs: null));

    [Fact]
    public void One_line_or_a_first_line_after_the_end_gives_no_stall()
    {
        Assert.Null(StallAnalyzer.LargestGapMs(Lines(10), null));
        Assert.Null(StallAnalyzer.LargestGapMs(Lines(200, 205), untilNs: 100_000_000));
    }

    [Fact]
    public void Malformed_lines_and_a_cut_last_line_are_skipped() =>
        Assert.Equal(20, StallAnalyzer.LargestGapMs(Encoding.ASCII.GetBytes("0 10000000\nnoise\n1 30000000\n2 9990000"), null));
}
