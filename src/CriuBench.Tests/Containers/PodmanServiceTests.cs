using CriuBench.Execution;
using CriuBench.Hosts;
using CriuBench.Reporting;
using CriuBench.Running;
using CriuBench.Suites;
using CriuBench.Tests.Support;

namespace CriuBench.Tests.Containers;

/// <summary>
/// A service of the user's own in a Podman container, for real on the netns lab: memcached in an
/// image made by workloads/examples/podman-image-of.sh, checkpointed and restored with Podman's
/// --tcp-established (restored into the checkpointed container itself: Podman refuses a new
/// name with kept connections), there and back, its client's connection kept throughout.
/// </summary>
public class PodmanServiceTests
{
    [Fact(Timeout = 300_000)]
    public async Task A_service_in_a_podman_container_keeps_its_connection_there_and_back_with_no_request_lost()
    {
        Requires.Criu();
        Requires.Tool("podman", "podman");
        Requires.Tool("memcached", "memcached");
        using var directory = new TempDirectory();
        var image = Path.Combine(directory.Path, "memcached.tar");
        (await ProcessRunner.Instance.RunAsync(Command.Of(Path.Combine(WorkloadAssets.Directory, "examples", "podman-image-of.sh"),
            image, "localhost/criubench-test-memcached:1", "memcached"), CancellationToken.None)).EnsureSuccess();
        var kvclient = Path.Combine(WorkloadAssets.Directory, "examples", "kvclient.py");
        var suiteFile = Path.Combine(directory.Path, "podman-service.yaml");
        await File.WriteAllTextAsync(suiteFile, $$"""
            name: podman-service
            lab: tpsv
            repetitions: 2
            bandwidth: 1gbit
            strategies: [tar]
            modes: [cold]
            workloads:
              - name: podman-kv
                engine: podman
                image: memcached.tar
                service: [/usr/bin/memcached, -u, root, -l, "{address}", -p, "11211", -U, "0"]
                client: [{{kvclient}}, "{address}", "11211"]
                output: counter-timestamp
                check: {field: 6, equals: ok}
                client_fields: {latency_us: 3, failed: 4, connects: 5}
            """);

        var outcome = await new SuiteRunner(ProcessRunner.Instance, new CollectingLog()).RunAsync(SuiteLoader.Load(suiteFile), directory.Path, "test", CancellationToken.None);

        var rows = await MigrationsCsv.ReadAsync(Path.Combine(outcome.RunDirectory, RunFiles.Migrations));
        Assert.Equal(["src->dst", "dst->src"], rows.Select(row => row.Direction));
        Assert.All(rows, row =>
        {
            Assert.True(row.Succeeded, row.FailureReason);
            Assert.Equal(0, row.CounterGap); // memcached's own incr counter: no request lost or repeated
            Assert.Equal("1 of 1 connections kept; no request failed", row.ClientOutcome);
            Assert.True(row.EngineCheckpointTimeMs > 0 && row.EngineRestoreTimeMs > 0, "Podman's --print-stats were not read");
        });
        Assert.Empty(outcome.OutputProblems);
        Assert.True(CriuBench.Hosts.Lab.Lab.Status("tpsv").IsAbsent);
    }
}
