using CriuBench.Hosts;
using CriuBench.Migration;
using CriuBench.Tests.Support;
using CriuBench.Transfer;
using CriuBench.Workloads;
using CriuBench.Workloads.Catalog;

namespace CriuBench.Tests.Faults;

/// <summary>What every fault test does around its fault: one migration of a fresh workload, its row checked, nothing left after it.</summary>
internal sealed class FaultMigrations(CriuBench.Hosts.Lab.Lab lab, Xunit.Abstractions.ITestOutputHelper output)
{
    private CriuBench.Hosts.Lab.Lab Lab => lab;

    /// <summary>
    /// One migration of a fresh workload with the fault in place, its row checked for truth and by
    /// <paramref name="check"/>; then everything stopped, as the runner ends a cell, and no workload may be left.
    /// </summary>
    public async Task<MigrationResult> MigrateOnceAsync(WorkloadSpec spec, string instance, IWorkloadEngine engine, ITransferStrategy strategy,
        Func<MigrationResult, RunningWorkload, Task> check)
    {
        await strategy.SetUpAsync(Lab.Hosts, CancellationToken.None);
        var original = await engine.StartAsync(Lab.Source, spec, instance, CancellationToken.None);
        MigrationResult? result = null;
        try
        {
            await WaitForOutputAsync(original);
            using var logs = new TempDirectory();
            result = await new MigrationDriver(new CollectingLog(), logs.Path).RunAsync(
                new MigrationRequest("fault", 1, original, Lab.Destination, engine, strategy, "1gbit"), CancellationToken.None);
            output.WriteLine($"row: succeeded={result.Record.Succeeded}; runs on: {result.Record.WorkloadRunsOn}; reason: {result.Record.FailureReason}");
            await RowTruth.AssertTrueAsync(result, Lab.Hosts, original);
            await check(result, original);
        }
        finally
        {
            if (result?.Workload is { } now) await engine.StopAsync(now, CancellationToken.None);
            await engine.StopAsync(original, CancellationToken.None);
            foreach (var host in Lab.Hosts)
            {
                await host.RemoveAsync(original.Directory);
                await host.RemoveAsync(HostPaths.ImagesDirectory(new MigrationRequest("fault", 1, original, host, engine, strategy, "").MigrationId));
            }
        }
        // As the runner ends a cell: stopping the workload (a lost one's remains too) leaves none behind.
        foreach (var host in Lab.Hosts)
            Assert.Empty(LabProcesses.Workloads(Lab, host));
        return result;
    }

    /// <summary>The next cell: a new workload on the same hosts migrates successfully.</summary>
    public async Task AssertNextCellMigratesAsync(string instance, string strategyName = "tar")
    {
        await using var strategy = TransferStrategies.Create(strategyName);
        await MigrateOnceAsync(BuiltinWorkloads.TimestampPrinter(), instance, new ProcessEngine(), strategy, (result, _) =>
        {
            Assert.True(result.Record.Succeeded, result.Record.FailureReason);
            return Task.CompletedTask;
        });
    }

    /// <summary>The memory workload fills its memory before it prints; the first seam needs lines before it.</summary>
    private static async Task WaitForOutputAsync(RunningWorkload workload)
    {
        for (var i = 0; i < 400 && (await workload.Host.FileSizeAsync(workload.OutputFile) ?? 0) == 0; i++) await Task.Delay(50);
        Assert.True(await workload.Host.FileSizeAsync(workload.OutputFile) > 0, $"{workload.Spec.Name} printed nothing within 20 s");
        await Task.Delay(300);
    }
}
