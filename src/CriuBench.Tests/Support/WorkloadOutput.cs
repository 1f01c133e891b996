using CriuBench.Hosts;
using CriuBench.Workloads;

namespace CriuBench.Tests.Support;

/// <summary>Waits and checks on a running workload's output that several migration tests share.</summary>
internal static class WorkloadOutput
{
    /// <summary>The memory workload fills its memory before it prints; the first seam needs lines before it.</summary>
    public static async Task WaitForOutputAsync(RunningWorkload workload)
    {
        for (var i = 0; i < 200 && (await workload.Host.FileSizeAsync(workload.OutputFile) ?? 0) == 0; i++) await Task.Delay(50);
        await Task.Delay(400);
    }

    /// <summary>The same on the VM lab, where a guest under TCG starts a workload and answers a stat slowly.</summary>
    public static async Task WaitForOutputOnVmAsync(RunningWorkload workload)
    {
        for (var i = 0; i < 300 && (await workload.Host.FileSizeAsync(workload.OutputFile) ?? 0) == 0; i++) await Task.Delay(100);
        await Task.Delay(workload.Spec.Interval * 5);
    }

    public static async Task AssertStillCountingAsync(RunningWorkload workload)
    {
        var before = await workload.Host.FileSizeAsync(workload.OutputFile);
        await Task.Delay(workload.Spec.Interval * 3 + TimeSpan.FromMilliseconds(100));
        Assert.True(await workload.Host.FileSizeAsync(workload.OutputFile) > before, $"{workload.Spec.Name} stopped printing on {workload.Host.Name}");
    }
}
