using CriuBench.Execution;
using CriuBench.Reporting;
using CriuBench.Running;
using CriuBench.Suites;
using CriuBench.Tests.Support;

namespace CriuBench.Tests.Workloads.Services;

/// <summary>
/// One real run of services on the netns lab (real CRIU 4.2.1, redis-server, nginx, memcached):
/// redis and http keep their connection with no request lost, a user service read from a suite
/// file does the same, and redis dumped without --tcp-established has rows that say its
/// connection was reset and how long the client took to reconnect. One lab run covers them all.
/// </summary>
public class ServiceRunTests
{
    [Fact(Timeout = 900_000)]
    public async Task Services_keep_their_connections_and_lose_no_request_and_a_reset_connection_is_a_row_that_says_so()
    {
        Requires.Criu();
        foreach (var (tool, package) in new[] { ("redis-server", "redis-server"), ("nginx", "nginx-light"), ("memcached", "memcached") })
            Requires.Tool(tool, package);
        using var results = new TempDirectory();
        var kvclient = Path.Combine(CriuBench.Hosts.WorkloadAssets.Directory, "examples", "kvclient.py");
        var suiteFile = Path.Combine(results.Path, "services-test.yaml");
        await File.WriteAllTextAsync(suiteFile, $$"""
            name: services-test
            lab: tsvc
            repetitions: 2
            bandwidth: 1gbit
            strategies: [tar-ssh]
            modes: [cold]
            workloads:
              - redis
              - http
              - { builtin: redis, tcp_established: false }
              - name: my-kv
                service: [memcached, -u, root, -l, "{address}", -p, "11211", -U, "0"]
                client: [{{kvclient}}, "{address}", "11211"]
                output: counter-timestamp
                check: {field: 6, equals: ok}
                client_fields: {latency_us: 3, failed: 4, connects: 5}
            """);
        var suite = SuiteLoader.Load(suiteFile);
        var log = new CollectingLog();

        var outcome = await new SuiteRunner(ProcessRunner.Instance, log).RunAsync(suite, results.Path, "test", CancellationToken.None);

        var rows = await MigrationsCsv.ReadAsync(Path.Combine(outcome.RunDirectory, RunFiles.Migrations));
        Assert.Equal(8, rows.Count);
        Assert.All(rows, row =>
        {
            Assert.True(row.Succeeded, row.FailureReason);
            Assert.Equal(0, row.CounterGap); // the service's own counter (redis, memcached) or the client's: no request lost or repeated
            Assert.Equal(1, row.ConnectionsTotal);
            Assert.True(row.ClientDowntimeMs > 0, $"{row.Workload}: no client downtime");
            Assert.NotNull(row.ClientP99AfterMs);
        });
        Assert.All(rows.Where(row => row.Workload != "redis-reconnect"), row =>
        {
            Assert.Equal(1, row.ConnectionsKept);
            Assert.Equal(0, row.ClientFailedRequests);
            Assert.Equal("1 of 1 connections kept; no request failed", row.ClientOutcome);
        });
        Assert.All(rows.Where(row => row.Workload == "redis-reconnect"), row =>
        {
            Assert.Equal(0, row.ConnectionsKept);
            Assert.Contains("1 of 1 connections reset, reconnected within", row.ClientOutcome);
            Assert.True(row.ClientFailedRequests >= 1, "the reset request counts as failed");
        });
        Assert.Equal(["redis", "redis", "http", "http", "redis-reconnect", "redis-reconnect", "my-kv", "my-kv"], rows.Select(row => row.Workload));
        Assert.Equal(4, log.Infos.Count(line => line.Contains("whole output") && line.Contains(", continuous")));
        Assert.Empty(outcome.OutputProblems);
        // The address move is a phase of its own inside the stop window, on the trace.
        var trace = await File.ReadAllTextAsync(Path.Combine(outcome.RunDirectory, RunFiles.Trace));
        Assert.Contains("\"service-address\"", trace);
        Assert.True(File.Exists(Path.Combine(outcome.RunDirectory, "outputs", "redis-cold-tar-ssh-1gbit", "service-output.log")));
        // Each migration's client timeline: answers before the checkpoint, none while it was stopped, answers again after.
        var timeline = await ClientTimelineCsv.ReadAsync(Path.Combine(outcome.RunDirectory, RunFiles.ClientTimeline));
        Assert.Equal(rows.Select(row => (row.Workload, row.Repetition)), timeline.Select(slice => (slice.Workload, slice.Repetition)).Distinct());
        foreach (var slices in timeline.GroupBy(slice => slice.MigrationId))
        {
            Assert.True(slices.Where(slice => slice.TimeMs < 0).Sum(slice => slice.Requests) > 50, $"{slices.Key}: no answers before the checkpoint");
            Assert.Contains(slices, slice => slice.TimeMs >= 0 && slice.Requests == 0);
            var end = slices.Max(slice => slice.TimeMs);
            Assert.True(slices.Where(slice => slice.TimeMs > end - 500).Sum(slice => slice.Requests) > 50, $"{slices.Key}: no answers after the restore");
        }
        var report = await File.ReadAllTextAsync(Path.Combine(outcome.RunDirectory, RunFiles.ReportHtml));
        Assert.Contains("Services: what their clients saw", report);
        Assert.True(File.Exists(Path.Combine(outcome.RunDirectory, RunFiles.ChartsDirectory, "report_client_redis_1gbit.png")));
        // Nothing of the lab is left: its hosts, the client and the switch.
        Assert.True(CriuBench.Hosts.Lab.Lab.Status("tsvc").IsAbsent);
        var namespaces = await ProcessRunner.Instance.RunAsync(Command.Of("ip", "netns", "list"), CancellationToken.None);
        Assert.DoesNotContain("cb-tsvc-", namespaces.StandardOutput);
    }
}
