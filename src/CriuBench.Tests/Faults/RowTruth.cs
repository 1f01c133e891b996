using System.Text.RegularExpressions;
using CriuBench.Hosts;
using CriuBench.Migration;
using CriuBench.Workloads;

namespace CriuBench.Tests.Faults;

/// <summary>
/// What every fault test asserts of a row: the workload progresses where the row says, and only
/// there; or the row says lost, it runs nowhere, and its images are where the row says.
/// </summary>
internal static partial class RowTruth
{
    public static async Task AssertTrueAsync(MigrationResult result, IReadOnlyList<IHost> hosts, RunningWorkload original)
    {
        var row = result.Record;
        var detail = $"row: succeeded={row.Succeeded}, runs on {row.WorkloadRunsOn}, reason: {row.FailureReason}";
        if (result.Workload is { } running)
        {
            Assert.Equal(running.Host.Name, row.WorkloadRunsOn);
            if (row.Succeeded) Assert.Equal(row.Destination, row.WorkloadRunsOn);
            else Assert.False(string.IsNullOrWhiteSpace(row.FailureReason), "a failed row gives no reason");
            Assert.True(await GrowsAsync(running), $"the row says the workload runs on {row.WorkloadRunsOn}, but its output does not grow there; {detail}");
            foreach (var other in hosts.Where(host => host != running.Host))
                Assert.False(await GrowsAsync(original with { Host = other }), $"a second copy runs on {other.Name}; {detail}");
            return;
        }
        Assert.False(row.Succeeded);
        Assert.Equal("nowhere (lost)", row.WorkloadRunsOn);
        foreach (var host in hosts)
            Assert.False(await GrowsAsync(original with { Host = host }), $"the row says lost, but the workload runs on {host.Name}; {detail}");
        var kept = KeptImages().Match(row.FailureReason!);
        if (!kept.Success)
        {
            Assert.Contains("no images are left", row.FailureReason);
            return;
        }
        var (directory, hostName) = (kept.Groups[1].Value, kept.Groups[2].Value);
        var where = hosts.Single(host => host.Name == hostName);
        var images = await where.ListFilesAsync(directory);
        Assert.True(images.Count(file => file.Name.EndsWith(".img", StringComparison.Ordinal)) == int.Parse(kept.Groups[3].Value),
            $"the row says {kept.Groups[3].Value} images are in {directory} on {hostName}; found: {string.Join(", ", images.Select(f => f.Name))}");
    }

    /// <summary>Whether the workload's output grows on its host within a few of its intervals (and at least a second).</summary>
    public static async Task<bool> GrowsAsync(RunningWorkload workload)
    {
        var before = await workload.Host.FileSizeAsync(workload.OutputFile);
        if (before is null) return false;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(1) + 10 * workload.Spec.Interval;
        while (DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
            if (await workload.Host.FileSizeAsync(workload.OutputFile) > before) return true;
        }
        return false;
    }

    [GeneratedRegex(@"its images are kept in (\S+) on (\w+) \((\d+) image files\)")]
    private static partial Regex KeptImages();
}
