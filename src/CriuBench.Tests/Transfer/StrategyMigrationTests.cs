using CriuBench.Criu;
using CriuBench.Execution;
using CriuBench.Hosts;
using CriuBench.Logging;
using CriuBench.Migration;
using CriuBench.Tests.Support;
using CriuBench.Transfer;
using CriuBench.Workloads;
using CriuBench.Workloads.Output;
using CriuBench.Workloads.Catalog;

namespace CriuBench.Tests.Transfer;

public sealed class TransferLab() : LabFixture("tx1");

/// <summary>
/// Real migrations on a real lab: a ticker holding 64 MiB goes from src to dst and back with each
/// streaming strategy, and must lose no value, leave no images or page server behind.
/// </summary>
public sealed class StrategyMigrationTests(TransferLab fixture) : IClassFixture<TransferLab>
{
    private const long MiB = 1024 * 1024;

    private static readonly WorkloadSpec Ticker64 = BuiltinWorkloads.TimestampPrinter() is var spec
        // With memory the ticker checks it after each migration and prints its verdict after the timestamp.
        ? spec with { Name = "ticker64", Command = [.. spec.Command, "--mib", "64"], ExtraFields = true, Check = new CriuBench.Workloads.Output.FieldEquals(3, "ok") }
        : throw new InvalidOperationException();

    private readonly ProcessEngine engine = new();

    private CriuBench.Hosts.Lab.Lab Lab => fixture.Lab;

    [Theory(Timeout = 240_000)]
    [InlineData("tar-ssh")]
    [InlineData("tar-zstd")]
    [InlineData("rsync")]
    [InlineData("page-server")]
    public async Task A_64_MiB_ticker_migrates_there_and_back_without_losing_a_value(string strategyName)
    {
        Requires.Criu();
        await using var strategy = TransferStrategies.Create(strategyName);
        await strategy.SetUpAsync(Lab.Hosts, default);
        RunningWorkload? workload = await StartAsync($"t64-{strategyName}");
        try
        {
            foreach (var (repetition, destination) in new[] { (1, Lab.Destination), (2, Lab.Source) })
            {
                var result = await MigrateAsync(workload!, destination, strategy, repetition);
                workload = result.Workload;
                var row = result.Record;
                Assert.True(row.Succeeded, row.FailureReason);
                Assert.Equal(destination.Name, row.WorkloadRunsOn);
                Assert.Equal(destination, workload!.Host);
                Assert.Equal(0, row.CounterGap);
                Assert.True(row.ImageBytes >= 64 * MiB, $"images of {row.ImageBytes} bytes cannot hold 64 MiB of memory");
                Assert.True(row.TransferredBytes > 0, $"{strategyName} reported {row.TransferredBytes?.ToString() ?? "no"} bytes moved");
                await Task.Delay(200);
            }
        }
        finally
        {
            await StopAsync(workload, $"t64-{strategyName}");
        }
        await AssertNothingLeftAsync();
    }

    [Fact(Timeout = 240_000)]
    public async Task When_the_destination_refuses_the_restore_the_pages_come_back_and_the_workload_continues_on_the_source()
    {
        Requires.Criu();
        await using var strategy = new OutputLostOnDestination(new PageServerTransfer());
        RunningWorkload? workload = await StartAsync("t64-fallback");
        try
        {
            var result = await MigrateAsync(workload, Lab.Destination, strategy, repetition: 1);
            workload = result.Workload;

            Assert.False(result.Record.Succeeded);
            Assert.Equal("src", result.Record.WorkloadRunsOn);
            Assert.Contains("restore failed", result.Record.FailureReason);
            Assert.Contains("output.log", result.Record.FailureReason);
            Assert.Equal(Lab.Source, workload!.Host);

            var size = await Lab.Source.FileSizeAsync(workload.OutputFile) ?? 0;
            var continued = await OutputVerifier.WaitForContinuationAsync(workload, size, default);
            Assert.True(continued.Succeeded, continued.Message);
            var output = await Lab.Source.ReadBytesAsync(workload.OutputFile, 0, long.MaxValue / 2);
            var gaps = StreamingGapAnalyzer.Analyze(new MemoryStream(output), workload.Spec.Output);
            Assert.True(gaps.IsContinuous, $"the output on src has {gaps.Discontinuities} gaps, first: {string.Join(", ", gaps.First.Take(3))}");
        }
        finally
        {
            await StopAsync(workload, "t64-fallback");
        }
        await AssertNothingLeftAsync();
    }

    [Fact(Timeout = 240_000)]
    public async Task A_page_server_that_never_got_a_dump_is_stopped_when_its_transfer_is_disposed()
    {
        Requires.Criu();
        await using var strategy = new PageServerTransfer();
        var request = new TransferRequest(Lab.Source, Lab.Destination, "unused-page-server", HostPaths.WorkloadDirectory("unused"));

        var transfer = await strategy.PrepareAsync(request, default);
        var waiting = await PageServersAsync(Lab.Destination);
        await transfer.DisposeAsync();

        Assert.Single(waiting);
        await AssertNothingLeftAsync();
    }

    private async Task<RunningWorkload> StartAsync(string instance)
    {
        var workload = await engine.StartAsync(Lab.Source, Ticker64, instance, default);
        for (var attempt = 0; (await Lab.Source.FileSizeAsync(workload.OutputFile) ?? 0) < 4096; attempt++)
        {
            if (attempt > 500) Assert.Fail($"{instance} printed nothing within 10 s");
            await Task.Delay(20);
        }
        return workload;
    }

    private Task<MigrationResult> MigrateAsync(RunningWorkload workload, IHost destination, ITransferStrategy strategy, int repetition) =>
        new MigrationDriver(NullLog.Instance).RunAsync(
            new MigrationRequest("test", repetition, workload, destination, engine, strategy, Lab.Rate.Label), default);

    private async Task StopAsync(RunningWorkload? workload, string instance)
    {
        if (workload is not null) await engine.StopAsync(workload, default);
        foreach (var host in Lab.Hosts) await host.RemoveAsync(HostPaths.WorkloadDirectory(instance));
    }

    /// <summary>No images, archives or page-server files on either disk, and no page server in either host.</summary>
    private async Task AssertNothingLeftAsync()
    {
        foreach (var host in Lab.Hosts)
        {
            var files = await host.RunCheckedAsync(Command.Of("find", HostPaths.Disk, "-type", "f", "-not", "-path", $"{HostPaths.Disk}/work/*",
                "-not", "-path", $"{HostPaths.Assets}/*"));
            Assert.True(files.StandardOutput.Trim().Length == 0, $"left on {host.Name}'s disk:\n{files.StandardOutput}");

            var pageServers = await PageServersAsync(host);
            Assert.True(pageServers.Count == 0, $"page servers still run on {host.Name}: {string.Join("; ", pageServers)}");
        }
    }

    /// <summary>Command lines of the criu page servers in a lab host's network namespace.</summary>
    private async Task<IReadOnlyList<string>> PageServersAsync(IHost host)
    {
        var pids = await ProcessRunner.Instance.RunAsync(Command.Of("ip", "netns", "pids", Lab.Layout.NetworkNamespace(host.Name)));
        return pids.EnsureSuccess().StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(pid => CommandLineOf(pid.Trim()))
            .Where(line => line.Contains("criu page-server", StringComparison.Ordinal))
            .ToList();
    }

    private static string CommandLineOf(string pid)
    {
        try { return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' '); }
        catch (IOException) { return ""; }
    }

    /// <summary>
    /// Test-only: after the real transfer, deletes the workload's output file on the destination, so
    /// CRIU cannot restore there ("Can't open file ... output.log") and the migration must fall back.
    /// (Appending to it would not do: CRIU does not check the size of a file opened O_WRONLY|O_APPEND.)
    /// </summary>
    private sealed class OutputLostOnDestination(ITransferStrategy inner) : ITransferStrategy
    {
        public string Name => inner.Name;

        public async Task<IMigrationTransfer> PrepareAsync(TransferRequest request, CancellationToken ct) =>
            new Session(await inner.PrepareAsync(request, ct), request);

        public ValueTask DisposeAsync() => inner.DisposeAsync();

        private sealed class Session(IMigrationTransfer inner, TransferRequest request) : IMigrationTransfer
        {
            public string DumpDirectory => inner.DumpDirectory;
            public IReadOnlyList<CriuOption> DumpArguments => inner.DumpArguments;
            public string RestoreDirectory => inner.RestoreDirectory;

            public async Task<TransferOutcome> TransferAsync(CancellationToken ct)
            {
                var outcome = await inner.TransferAsync(ct);
                await request.Destination.RunCheckedAsync(Command.Of("rm", $"{request.WorkloadDirectory}/output.log"), ct);
                return outcome;
            }

            public Task<string> ImagesForSourceRestoreAsync(CancellationToken ct) => inner.ImagesForSourceRestoreAsync(ct);

            public ValueTask DisposeAsync() => inner.DisposeAsync();
        }
    }
}
