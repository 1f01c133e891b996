using CriuBench.Hosts;
using CriuBench.Migration;
using CriuBench.Tests.Faults;
using CriuBench.Tests.Support;
using CriuBench.Transfer;
using CriuBench.Workloads;
using CriuBench.Workloads.Catalog;

namespace CriuBench.Tests.Workloads.Services;

public sealed class MemoryCheckLab() : LabFixture("tmemchk");

/// <summary>
/// The memory allocator checks every page of its memory after every migration (workloads/ticker.c):
/// a page changed in the images between the dump and the restore fails the row, by the
/// allocator's own verdict, and the workload is restored on the source from its untouched images.
/// </summary>
public class MemoryCheckTests(MemoryCheckLab fixture) : IClassFixture<MemoryCheckLab>
{
    [Fact(Timeout = 300_000)]
    public async Task A_page_changed_between_dump_and_restore_fails_the_row_and_an_untouched_migration_passes()
    {
        var lab = fixture.Lab;
        var engine = new ProcessEngine();
        await using var tar = new TarTransfer();
        string? tampered = null;
        var tampering = new FaultyTransfer(tar)
        {
            After = async (request, session) => tampered = await TamperOnePageAsync(lab, request.Destination, session.RestoreDirectory),
        };
        var workload = await engine.StartAsync(lab.Source, BuiltinWorkloads.MemoryHog(16), "memchk", CancellationToken.None);
        RunningWorkload? running = workload;
        try
        {
            await SuiteRunnerWait(workload);
            var clean = await new MigrationDriver(new CollectingLog()).RunAsync(
                new MigrationRequest("memchk", 1, workload, lab.Destination, engine, tar, "1gbit"), CancellationToken.None);
            Assert.True(clean.Record.Succeeded, clean.Record.FailureReason);
            running = clean.Workload!;

            var broken = await new MigrationDriver(new CollectingLog()).RunAsync(
                new MigrationRequest("memchk", 2, running, lab.Source, engine, tampering, "1gbit"), CancellationToken.None);
            running = broken.Workload;

            Assert.NotNull(tampered);
            Assert.False(broken.Record.Succeeded);
            Assert.Contains("its own check (field 3 equals 'ok') failed after the restore", broken.Record.FailureReason);
            Assert.Contains(" bad'", broken.Record.FailureReason);
            Assert.Equal(lab.Destination.Name, broken.Record.WorkloadRunsOn); // restored where it was, from the untouched images
            var stderr = await lab.Source.TryReadTextAsync($"{workload.Directory}/stderr.log");
            Assert.Contains("differs from what was written", stderr);
        }
        finally
        {
            if (running is not null) await engine.StopAsync(running, CancellationToken.None);
        }
    }

    private static Task SuiteRunnerWait(RunningWorkload workload) => CriuBench.Running.SuiteRunner.WaitForFirstLinesAsync(workload, CancellationToken.None);

    /// <summary>Flips 4 bytes in the middle of the largest pages image on the destination (inside the allocator's 16 MiB); returns which file.</summary>
    private static async Task<string> TamperOnePageAsync(CriuBench.Hosts.Lab.Lab lab, IHost destination, string images)
    {
        var onDisk = lab.Layout.DiskOf(destination.Name) + images[HostPaths.Disk.Length..];
        var pages = new DirectoryInfo(onDisk).GetFiles("pages-*.img").MaxBy(file => file.Length)
            ?? throw new InvalidOperationException($"no pages image in {onDisk}");
        await using var stream = new FileStream(pages.FullName, FileMode.Open, FileAccess.ReadWrite);
        stream.Position = pages.Length / 2 / 4096 * 4096 + 8;
        var bytes = new byte[4];
        await stream.ReadExactlyAsync(bytes);
        for (var i = 0; i < bytes.Length; i++) bytes[i] ^= 0xFF;
        stream.Position -= bytes.Length;
        await stream.WriteAsync(bytes);
        return pages.FullName;
    }
}
