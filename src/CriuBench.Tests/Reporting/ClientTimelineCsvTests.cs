using CriuBench.Measurements;
using CriuBench.Reporting;
using CriuBench.Tests.Support;

namespace CriuBench.Tests.Reporting;

/// <summary>client-timeline.csv: written only once a service migration has slices, read back as written.</summary>
[Trait("Category", "Unit")]
public sealed class ClientTimelineCsvTests
{
    internal static ClientSampleRecord Slice(int timeMs, int requests, double? slowest, int repetition = 1, string mode = "cold") => new()
    {
        RunId = "run-1", MigrationId = $"redis-{mode}-tar-ssh-1gbit-r{repetition:D3}", Workload = "redis", Engine = "process",
        Strategy = "tar-ssh", Mode = mode, LinkRate = "1gbit", Repetition = repetition, TimeMs = timeMs, Requests = requests, MaxLatencyMs = slowest,
    };

    [Fact]
    public async Task Slices_read_back_as_written_and_a_run_without_services_has_no_file()
    {
        using var directory = new TempDirectory();
        var path = Path.Combine(directory.Path, RunFiles.ClientTimeline);
        await using (var none = new ClientTimelineCsvWriter(path))
            await none.AppendAsync([], CancellationToken.None);
        Assert.False(File.Exists(path));
        Assert.Empty(await ClientTimelineCsv.ReadAsync(path));

        ClientSampleRecord[] slices = [Slice(-300, 9, 0.125), Slice(-290, 0, null), Slice(230, 1, 229.5)];
        await using (var writer = new ClientTimelineCsvWriter(path))
        {
            await writer.AppendAsync(slices[..2], CancellationToken.None);
            await writer.AppendAsync(slices[2..], CancellationToken.None);
        }

        Assert.Equal(slices, await ClientTimelineCsv.ReadAsync(path));
        Assert.StartsWith("run_id,migration_id,workload,engine,strategy,mode,link_rate,repetition,t_ms,requests,max_latency_ms", File.ReadAllText(path));
    }
}
