using CriuBench.Archive;
using CriuBench.Execution;
using CriuBench.Tests.Support;
using CriuBench.Workloads;
using CriuBench.Workloads.Catalog;

namespace CriuBench.Tests.Archive;

/// <summary>Outputs and CRIU logs copied from a host (here this machine, through real commands) into the run directory.</summary>
[Trait("Category", "Unit")]
public class ArchiveTests
{
    private static readonly FakeHost Local = new("dst", "127.0.0.1", ProcessRunner.Instance);

    [Fact]
    public async Task A_workloads_output_and_stderr_are_kept_under_outputs_by_instance_byte_for_byte()
    {
        using var host = new TempDirectory();
        using var run = new TempDirectory();
        var output = Path.Combine(host.Path, "output.log");
        // 64 MiB: streamed, so the copy must not need it in memory.
        await using (var file = File.Create(output))
        {
            var block = new byte[1 << 20];
            for (var i = 0; i < 64; i++) { Array.Fill(block, (byte)('a' + i % 26)); await file.WriteAsync(block); }
        }
        await File.WriteAllTextAsync(Path.Combine(host.Path, "stderr.log"), "warning: something\n");
        var workload = new RunningWorkload(BuiltinWorkloads.ShellCounter(), "counter-tar-1gbit", Local, "1")
            { OutputFile = output, StderrFile = Path.Combine(host.Path, "stderr.log") };
        var before = GC.GetTotalAllocatedBytes(precise: true);

        var kept = await new WorkloadOutputArchive(run.Path).KeepAsync(workload, CancellationToken.None);

        // Process-wide (the copy continues on pool threads): well under the 64 MiB it copied.
        Assert.True(GC.GetTotalAllocatedBytes(precise: true) - before < 32 << 20, "the copy held the output in memory");

        var directory = Path.Combine(run.Path, "outputs", "counter-tar-1gbit");
        Assert.Equal([Path.Combine(directory, "output.log"), Path.Combine(directory, "stderr.log")], kept);
        Assert.Equal(await File.ReadAllBytesAsync(output), await File.ReadAllBytesAsync(kept[0]));
        Assert.Equal("warning: something\n", await File.ReadAllTextAsync(kept[1]));
    }

    [Fact]
    public async Task A_missing_stderr_is_skipped_and_leaves_no_empty_file()
    {
        using var host = new TempDirectory();
        using var run = new TempDirectory();
        var output = Path.Combine(host.Path, "out.log");
        await File.WriteAllTextAsync(output, "0\n1\n");
        var workload = new RunningWorkload(BuiltinWorkloads.ShellCounter(), "c", Local, "1")
            { OutputFile = output, StderrFile = Path.Combine(host.Path, "stderr.log") };

        var kept = await new WorkloadOutputArchive(run.Path).KeepAsync(workload, CancellationToken.None);

        Assert.Equal([Path.Combine(run.Path, "outputs", "c", "output.log")], kept);
        Assert.False(File.Exists(Path.Combine(run.Path, "outputs", "c", "stderr.log")));
    }

    [Fact]
    public async Task Every_criu_log_of_a_migration_is_kept_under_logs_with_the_migration_and_host_in_its_name()
    {
        using var images = new TempDirectory();
        using var run = new TempDirectory();
        await File.WriteAllTextAsync(Path.Combine(images.Path, "dump.log"), "(00.000) dumping\n");
        await File.WriteAllTextAsync(Path.Combine(images.Path, "restore.log"), "(00.000) restoring\n");
        await File.WriteAllTextAsync(Path.Combine(images.Path, "pages-1.img"), "not a log");
        var logs = Path.Combine(run.Path, "logs");

        var kept = await new CriuLogArchive(logs).KeepAsync(Local, images.Path, "counter-tar-r001", CancellationToken.None);

        Assert.Equal([Path.Combine(logs, "counter-tar-r001-dst-dump.log"), Path.Combine(logs, "counter-tar-r001-dst-restore.log")], kept);
        Assert.Equal("(00.000) restoring\n", await File.ReadAllTextAsync(kept[1]));
    }

    [Fact]
    public async Task An_images_directory_that_is_gone_keeps_nothing()
    {
        using var run = new TempDirectory();
        var kept = await new CriuLogArchive(Path.Combine(run.Path, "logs")).KeepAsync(Local, "/nonexistent/criubench-images", "m", CancellationToken.None);
        Assert.Empty(kept);
    }
}
