using CriuBench.Execution;
using CriuBench.Hosts;
using CriuBench.Logging;
using CriuBench.Migration;
using CriuBench.Tests.Support;
using CriuBench.Transfer;
using CriuBench.Workloads;
using CriuBench.Workloads.Catalog;

namespace CriuBench.Tests.Migration;

/// <summary>When the restore fails on the destination, the workload is restored on the source and keeps running there.</summary>
public class FallbackTests(FallbackLab fixture) : IClassFixture<FallbackLab>
{
    [Fact(Timeout = 180_000)]
    public async Task A_failed_restore_leaves_the_workload_running_on_the_source_and_says_why()
    {
        var lab = fixture.Lab;
        var engine = new ProcessEngine();
        await using var strategy = new SabotagedTransfer(new TarTransfer());
        var running = await engine.StartAsync(lab.Source, BuiltinWorkloads.ShellCounter(), "sabotaged", CancellationToken.None);
        try
        {
            await Task.Delay(400);
            using var logs = new TempDirectory();
            var result = await new MigrationDriver(NullLog.Instance, logs.Path).RunAsync(
                new MigrationRequest("test", 1, running, lab.Destination, engine, strategy, "1gbit"), CancellationToken.None);

            var row = result.Record;
            Assert.False(row.Succeeded);
            Assert.Equal("src", row.WorkloadRunsOn);
            Assert.Contains("restore failed", row.FailureReason);
            Assert.Contains("output.log", row.FailureReason); // CRIU's own words about the missing file
            Assert.NotEmpty(Directory.GetFiles(logs.Path, "*restore.log"));

            running = result.Workload!;
            Assert.Same(lab.Source, running.Host);
            var before = await lab.Source.FileSizeAsync(running.OutputFile);
            await Task.Delay(500);
            Assert.True(await lab.Source.FileSizeAsync(running.OutputFile) > before, "the workload is not counting on the source");
        }
        finally
        {
            await engine.StopAsync(running, CancellationToken.None);
        }
    }

    /// <summary>
    /// Tar, but the workload's output file is gone on the destination before the restore. (Appending
    /// to it is not enough: the workload opened it O_APPEND, and CRIU checks the size only of files
    /// opened without it.)
    /// </summary>
    private sealed class SabotagedTransfer(ITransferStrategy inner) : ITransferStrategy
    {
        public string Name => "sabotaged";

        public async Task<IMigrationTransfer> PrepareAsync(TransferRequest request, CancellationToken ct) =>
            new Session(await inner.PrepareAsync(request, ct), request);

        public ValueTask DisposeAsync() => inner.DisposeAsync();

        private sealed class Session(IMigrationTransfer inner, TransferRequest request) : IMigrationTransfer
        {
            public string DumpDirectory => inner.DumpDirectory;
            public string RestoreDirectory => inner.RestoreDirectory;

            public async Task<TransferOutcome> TransferAsync(CancellationToken ct)
            {
                var outcome = await inner.TransferAsync(ct);
                await request.Destination.RunCheckedAsync(Command.Of("rm", request.WorkloadDirectory + "/output.log"), ct);
                return outcome;
            }

            public ValueTask DisposeAsync() => inner.DisposeAsync();
        }
    }
}
