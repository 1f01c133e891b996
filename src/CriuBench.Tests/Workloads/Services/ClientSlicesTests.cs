using System.Text;
using CriuBench.Workloads.Output;

namespace CriuBench.Tests.Workloads.Services;

/// <summary>A client's answers cut into slices of time around the seam: empty slices where the service did not answer, the slowest request per slice.</summary>
[Trait("Category", "Unit")]
public sealed class ClientSlicesTests
{
    private static readonly LineFormat Format = new(OutputFormat.CounterTimestamp, TimestampUnit.Nanoseconds, ExtraFields: true);
    private const long Ms = 1_000_000;
    private const long T0 = 1_764_000_000_000 * Ms;

    private static byte[] Lines(params (long Counter, long AtMs, long LatencyUs)[] lines) =>
        Encoding.ASCII.GetBytes(string.Concat(lines.Select(l => $"{l.Counter} {T0 + l.AtMs * Ms} {l.LatencyUs} 0 1 ok\n")));

    [Fact]
    public void Slices_run_from_before_the_checkpoint_to_after_the_restore_with_the_stop_as_empty_slices()
    {
        // Checkpoint at T0 + 1000 ms, restore back at + 1200 ms: answers every 5 ms, none from 1000 to 1230.
        var answers = Enumerable.Range(0, 500).Select(i => (Counter: (long)i, AtMs: 500L + 5 * i, LatencyUs: 100L))
            .Where(a => a.AtMs < 1000 || a.AtMs >= 1230).ToList();
        answers.Add((9999, 1230, 229_000)); // the request stuck over the stop, answered when it is back
        var text = Lines([.. answers.OrderBy(a => a.AtMs).Select(a => (a.Counter, a.AtMs, a.LatencyUs))]);

        var slices = ClientSlices.Of(text, Format, ClientFields.BuiltIn, checkpointNs: T0 + 1000 * Ms, restoredNs: T0 + 1200 * Ms, sliceMs: 10);

        Assert.Equal(-300, slices[0].StartMs);
        Assert.Equal(200 + 2000 - 10, slices[^1].StartMs); // up to 2 s past the restore (200 ms after the checkpoint)
        Assert.Equal(2, slices.Single(s => s.StartMs == -300).Requests); // two answers per 10 ms before
        Assert.All(slices.Where(s => s.StartMs is >= 0 and < 230), s => Assert.Equal((0, (double?)null), (s.Requests, s.MaxLatencyMs)));
        var back = slices.Single(s => s.StartMs == 230);
        Assert.Equal(229, back.MaxLatencyMs);
        Assert.Equal(0.1, slices.Single(s => s.StartMs == -100).MaxLatencyMs);
    }

    [Fact]
    public void Lines_without_a_timestamp_or_outside_the_window_are_left_out_and_a_client_without_latency_has_none()
    {
        var text = Encoding.ASCII.GetBytes($"garbage\n1 {T0} 100 0 1 ok\n2 {T0 + 6000 * Ms} 100 0 1 ok\n");

        var slices = ClientSlices.Of(text, Format, fields: null, checkpointNs: T0 + 1000 * Ms, restoredNs: T0 + 1100 * Ms, sliceMs: 10);

        Assert.All(slices, s => Assert.Equal(0, s.Requests)); // at -1000 ms and +5000 ms: both outside
        Assert.All(slices, s => Assert.Null(s.MaxLatencyMs));
    }
}
