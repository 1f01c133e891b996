using CriuBench.Workloads.Output;

namespace CriuBench.Tests.Output;

/// <summary>A workload's own check, over every line and attributed to the migration seam it follows.</summary>
[Trait("Category", "Unit")]
public class OutputCheckTests
{
    private static readonly LineFormat User = new(OutputFormat.Counter, ExtraFields: true);

    [Theory]
    [InlineData("1 ts 3 ok", true)]
    [InlineData("1 ts 3 bad", false)]
    [InlineData("1 ts 3", false)]
    [InlineData("1\tts   3  ok", true)]
    [InlineData("1 ts 3 okay", false)]
    public void A_field_must_hold_its_value(string line, bool holds) =>
        Assert.Equal(holds, new FieldEquals(4, "ok").Holds(Logs.Bytes(line)));

    [Theory]
    [InlineData("1 ts abc abc", true)]
    [InlineData("1 ts abc abd", false)]
    [InlineData("1 ts abc", false)]
    public void Two_fields_must_be_equal(string line, bool holds) =>
        Assert.Equal(holds, new FieldsEqual(3, 4).Holds(Logs.Bytes(line)));

    [Fact]
    public void Failed_lines_are_reported_after_the_seam_of_the_migration_that_preceded_them()
    {
        var lines = Enumerable.Range(0, 30).Select(i => $"{i} x {(i is 12 or 13 or 25 ? "bad" : "ok")}\n").ToList();
        long OffsetOf(int line) => lines.Take(line).Sum(l => l.Length);
        OutputSeam[] seams = [new("m-r001", OffsetOf(10)), new("m-r002", OffsetOf(20))];

        var analysis = StreamingGapAnalyzer.Analyze(new MemoryStream(Logs.Bytes(string.Concat(lines))), User, new FieldEquals(3, "ok"), seams, bufferSize: 5);

        var check = analysis.Check!;
        Assert.False(check.Passed);
        Assert.Equal(30, check.CheckedLines);
        Assert.Equal(
            [new CheckFailure("m-r001", 2, 13, "12 x bad"), new CheckFailure("m-r002", 1, 26, "25 x bad")],
            check.Failures);
    }

    [Fact]
    public void Lines_before_the_first_migration_are_reported_as_such()
    {
        var analysis = StreamingGapAnalyzer.Analyze(new MemoryStream(Logs.Bytes("0 bad\n1 ok\n")), User, new FieldEquals(2, "ok"), [new("m-r001", 6)]);
        Assert.Equal([new CheckFailure(null, 1, 1, "0 bad")], analysis.Check!.Failures);
    }

    [Fact]
    public void An_unreadable_line_keeps_later_lines_in_their_segment()
    {
        // The long malformed line is longer than the carry buffer: its bytes must still be counted.
        var malformed = new string('z', 5000);
        var log = $"0 ok\n{malformed}\n1 ok\n2 bad\n";
        var seamAt = $"0 ok\n{malformed}\n1 ok\n".Length;
        var analysis = StreamingGapAnalyzer.Analyze(new MemoryStream(Logs.Bytes(log)), User, new FieldEquals(2, "ok"), [new("m-r001", seamAt)], bufferSize: 64);
        Assert.Equal(1, analysis.Gaps.MalformedLines);
        Assert.Equal([new CheckFailure("m-r001", 1, 4, "2 bad")], analysis.Check!.Failures);
    }
}
