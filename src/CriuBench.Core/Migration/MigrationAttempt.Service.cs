using System.Diagnostics;
using CriuBench.Hosts;
using CriuBench.Measurements;
using CriuBench.Workloads;
using CriuBench.Workloads.Output;

namespace CriuBench.Migration;

/// <summary>
/// The phases only a service workload has: its client's output size just before the checkpoint
/// (where the window the client is read in begins), the service address moved to the destination
/// inside the stop window (its own phase, "service-address", after the transfer and before the
/// restore, since the restored sockets bind to it; the destination holds back its TCP resets from
/// before the checkpoint until the restore returned), and the verification by what the client saw.
/// </summary>
public sealed partial class MigrationAttempt
{
    /// <summary>How long after the restore the client's latency is read (client_p99_after_ms).</summary>
    public static readonly TimeSpan ClientWindowAfterRestore = TimeSpan.FromSeconds(5);

    /// <summary>How much longer the client may take to print past that window before the row says it stalled.</summary>
    private static readonly TimeSpan ClientStallLimit = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How much of the client's output before the checkpoint is read: enough for its last line, and
    /// for the client timeline's <see cref="ClientSlices.Before"/> at a request per millisecond.
    /// </summary>
    private const long ClientBytesBefore = 32 * 1024;

    private long? clientBefore;
    private DateTimeOffset? checkpointAt;
    private DateTimeOffset? restoredAt;
    private string? addressOn;
    private string? clientProblem;
    private readonly HashSet<string> resetsHeldOn = [];

    private IServiceNetwork? Services => Workload.Client is null ? null : Request.Services;

    /// <summary>Just before the stop window: the destination holds back its resets, and where the client's output stands (outside the window).</summary>
    private async Task MarkClientAsync(CancellationToken ct)
    {
        if (Workload.Client is not { } client) return;
        if (Services is { } services) await HoldResetsAsync(services, Destination, ct);
        clientBefore = await client.Host.FileSizeAsync(client.OutputFile, ct) ?? 0;
        addressOn = Source.Name;
        checkpointAt = DateTimeOffset.UtcNow;
    }

    /// <summary>Inside the stop window, before the restore: the service address to the destination. Null: go on.</summary>
    private async Task<MigrationResult?> MoveServiceAddressAsync(CancellationToken ct)
    {
        if (Services is not { } services) return null;
        try
        {
            using (Step("service-address", Destination))
                await services.MoveAsync(Source.Name, Destination.Name, ct);
            addressOn = Destination.Name;
            return null;
        }
        catch (Exception e) when (IsPhaseFailure(e))
        {
            return await fallback.FallBackAsync($"moving the service address {services.Address} to {Destination.Name} failed: {e.Message}", ct);
        }
    }

    /// <summary>
    /// Right after a restore returned, outside the stop window: the hosts that held back their TCP
    /// resets during it send them again (<see cref="IServiceNetwork.HoldResetsAsync"/>). Also the
    /// attempt's last step (<see cref="MigrationDriver"/>), whichever way it ended.
    /// </summary>
    internal async Task ReleaseResetsAsync(CancellationToken ct)
    {
        if (Services is not { } services) return;
        foreach (var host in resetsHeldOn.ToList())
        {
            try
            {
                await services.ReleaseResetsAsync(host, ct);
                resetsHeldOn.Remove(host);
            }
            catch (Exception e) when (IsPhaseFailure(e))
            {
                // Not the migration's failure: the attempt's last step tries again.
                log.Warning($"{Request.MigrationId}: {host} still holds back TCP resets from {services.Address}: {e.Message}");
            }
        }
    }

    private async Task HoldResetsAsync(IServiceNetwork services, IHost host, CancellationToken ct)
    {
        await services.HoldResetsAsync(host.Name, ct);
        resetsHeldOn.Add(host.Name);
    }

    /// <summary>Before a restore on the source (a fallback): the service address back where the service will run, its resets held there too.</summary>
    private async Task MoveServiceAddressBackAsync(CancellationToken ct)
    {
        if (Services is not { } services || addressOn != Destination.Name) return;
        using (Step("service-address-back", Source))
        {
            await HoldResetsAsync(services, Source, ct);
            await services.MoveAsync(Destination.Name, Source.Name, ct);
        }
        addressOn = Source.Name;
    }

    /// <summary>
    /// Proves a restored service by its client: it answers again after the restore, and goes on for
    /// <see cref="ClientWindowAfterRestore"/>; the client's lines give the downtime it saw, the
    /// counter's breaks, failed requests and connections opened again (the row's client columns).
    /// </summary>
    private async Task<Verification> VerifyServiceAsync(RunningWorkload copy, CancellationToken ct)
    {
        using var step = Step("verify", Destination, "verify");
        var client = copy.Client!;
        var service = copy.Spec.Service!;
        var before = clientBefore ?? throw new InvalidOperationException("the client's output was not marked before the checkpoint");
        var restored = restoredAt ?? DateTimeOffset.UtcNow;
        var start = Math.Max(0, before - ClientBytesBefore);
        var waited = Stopwatch.StartNew();
        var wait = restored + ClientWindowAfterRestore + TimeSpan.FromMilliseconds(100) - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero) await Task.Delay(wait, ct);
        ClientReport? report = null;
        while (true)
        {
            var size = await client.Host.FileSizeAsync(client.OutputFile, ct) ?? 0;
            if (size > start)
            {
                var text = await client.Host.ReadBytesAsync(client.OutputFile, start, size - start, ct);
                // The read may begin inside a line: the analysis starts at the next line's start.
                var skip = start == 0 ? 0 : Array.IndexOf(text, (byte)'\n') + 1;
                report = ClientWindowAnalyzer.Analyze(text.AsSpan(skip), start + skip, before, copy.Spec.LineFormat, service.Fields,
                    restored.ToUnixTimeMilliseconds() * 1_000_000, ClientWindowAfterRestore);
                if (report is { Complete: true })
                {
                    await KeepClientTimelineAsync(text.AsSpan(skip).ToArray(), copy.Spec, restored, ct);
                    break;
                }
            }
            if (waited.Elapsed > ClientWindowAfterRestore + ClientStallLimit) break;
            await Task.Delay(250, ct);
        }
        if (report is null || report.LinesAfter < 2)
            return Verification.Failed($"restored on {Destination.Name} but its client on {client.Host.Name} got no answer after the restore within {(ClientWindowAfterRestore + ClientStallLimit).TotalSeconds:0} s");
        if (!report.Complete)
            return Verification.Failed($"restored on {Destination.Name} but its client on {client.Host.Name} stopped getting answers {report.DowntimeMs:0} ms into the window after the restore");
        var total = service.Connections;
        var kept = report.Reconnects is { } again ? (int)Math.Max(0, total - again) : (int?)null;
        Seam = report.FirstAfterOffset;
        Update(row => row with
        {
            ClientDowntimeMs = Math.Round(report.DowntimeMs, 3),
            ClientFailedRequests = report.FailedRequests,
            ConnectionsKept = kept,
            ConnectionsTotal = total,
            ClientP99AfterMs = report.P99AfterMs is { } p99 ? Math.Round(p99, 3) : null,
            ClientOutcome = Outcome(report, kept, total, service.TcpEstablished),
        });
        var broke = kept is { } k && k < total;
        var failed = report.FailedRequests is > 0;
        if (service.TcpEstablished && (broke || failed))
            clientProblem = $"the client saw {Outcome(report, kept, total, true)} although the service was dumped with --tcp-established; the workload runs on {Destination.Name}";
        return Verification.Passed(report.AsSeam());
    }

    /// <summary>The client's answers around the seam in slices (client-timeline.csv; the report's latency chart).</summary>
    private Task KeepClientTimelineAsync(byte[] lines, WorkloadSpec spec, DateTimeOffset restored, CancellationToken ct)
    {
        if (checkpointAt is not { } began) return Task.CompletedTask;
        static long Ns(DateTimeOffset at) => (at.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100;
        var slices = ClientSlices.Of(lines, spec.LineFormat, spec.Service!.Fields, Ns(began), Ns(restored), ClientSampleRecord.BinMs);
        return ClientTimeline.AppendAsync(slices.Select(slice => new ClientSampleRecord
        {
            RunId = Request.RunId,
            MigrationId = Request.MigrationId,
            Workload = Row.Workload,
            Engine = Row.Engine,
            Strategy = Row.Strategy,
            Mode = Row.Mode,
            LinkRate = Row.LinkRate,
            Repetition = Row.Repetition,
            TimeMs = slice.StartMs,
            Requests = slice.Requests,
            MaxLatencyMs = slice.MaxLatencyMs,
        }).ToList(), ct);
    }

    private static string Outcome(ClientReport report, int? kept, int total, bool tcpEstablished)
    {
        var parts = new List<string>();
        if (kept is { } k) parts.Add(k == total ? $"{total} of {total} connections kept" : $"{total - k} of {total} connections reset, reconnected within {report.DowntimeMs:0.#} ms");
        if (report.FailedRequests is { } failed) parts.Add(failed == 0 ? "no request failed" : $"{failed} requests failed");
        if (report.CounterGap != 0) parts.Add($"counter broke by {report.CounterGap}");
        if (!tcpEstablished) parts.Add("connections closed at the dump (--tcp-close)");
        return string.Join("; ", parts);
    }
}
