using CriuBench.Criu;
using CriuBench.Workloads.Containers;

namespace CriuBench.Tests.Criu;

/// <summary>Post-copy's command lines and CRIU log parsing, on lines captured from real runs on the lab.</summary>
[Trait("Category", "Unit")]
public class LazyPagesTests
{
    // Captured from `criu dump --lazy-pages -v3` of the 64 MiB ticker (CRIU 4.1.1), shortened.
    private const string DumpLog = """
        (00.016026) Pagemap is fully functional
        (00.147869) Dumping pages (type: 59 pid: 21457)
        (00.147947) Pagemap generated: 0 pages (0 lazy) 0 holes
        (00.147953) Pagemap generated: 1 pages (0 lazy) 0 holes
        (00.151039) Pagemap generated: 16384 pages (16384 lazy) 0 holes
        (00.151084) Pagemap generated: 2 pages (2 lazy) 0 holes
        (00.151094) Pagemap generated: 4 pages (0 lazy) 0 holes
        (00.181620) Starting lazy pages server
        (01.546099) Lazy pages transfer finished successfully
        (01.575666) Dumping finished successfully
        """;

    // Captured from `criu lazy-pages -v4` after a runc restore: one summary per restored task.
    private const string DaemonLogV4 = """
        (01.299192) uffd: 31-13: Found 8 pages to be handled by UFFD
        (01.299535) pr31-2 Read 28a02000 1 pages
        (01.365723) pr1-1 Read d35e000 1 pages
        (01.433913) uffd: 1-12: UFFD transferred pages: (11/11)
        (01.434438) uffd: 31-13: UFFD transferred pages: (8/8)
        """;

    private const string DaemonLogV3 = """
        (00.214113) pr1-1 Read 7f126d22e000 1 pages
        (00.214515) pr1-1 Read 7f1269200000 16 pages
        (00.214731) pr1-1 Read 7f1269210000 32 pages
        """;

    [Fact]
    public void The_dump_log_gives_all_pages_and_the_lazy_ones() =>
        Assert.Equal((16391L, 16386L), LazyPagesLog.DumpPages(DumpLog));

    [Fact]
    public void The_daemon_log_sums_the_transferred_pages_of_every_task() =>
        Assert.Equal((19L, (long?)19), LazyPagesLog.DaemonPages(DaemonLogV4));

    [Fact]
    public void Without_summaries_the_daemon_s_reads_are_counted_and_the_total_is_unknown() =>
        Assert.Equal((49L, (long?)null), LazyPagesLog.DaemonPages(DaemonLogV3));

    [Fact]
    public void A_log_without_pages_gives_no_count()
    {
        Assert.Null(LazyPagesLog.DumpPages("(00.01) Error (criu/util.c:1533): rlimit: Can't setup RLIMIT_NOFILE"));
        Assert.Null(LazyPagesLog.DaemonPages(""));
    }

    [Fact]
    public void The_dump_s_verdict_on_the_lazy_transfer_is_read()
    {
        Assert.True(LazyPagesLog.DumpTransferSucceeded(DumpLog));
        Assert.False(LazyPagesLog.DumpTransferSucceeded("(01.0) Error (criu/page-xfer.c:1): Lazy pages transfer FAILED"));
        Assert.Null(LazyPagesLog.DumpTransferSucceeded("(00.18) Starting lazy pages server"));
    }

    [Fact]
    public void The_lazy_dump_serves_on_the_source_address_and_logs_outside_the_images() =>
        Assert.Equal(["--lazy-pages", "--address", "198.18.0.1", "--port", "27028", "--work-dir", "/d/criu-work/m1", "-v3"],
            LazyPagesCommands.DumpArguments("198.18.0.1", 27028, "/d/criu-work/m1"));

    [Fact]
    public void The_daemon_fetches_from_the_source_and_shares_the_restore_s_work_directory()
    {
        var command = LazyPagesCommands.Daemon("/d/images/m1", "/d/criu-work/m1", "198.18.0.1", 27028);
        Assert.Equal("bash", command.Program);
        Assert.Equal(["criu", "lazy-pages", "--page-server", "--address", "198.18.0.1", "--port", "27028",
            "--images-dir", "/d/images/m1", "--work-dir", "/d/criu-work/m1", "--log-file", "lazy-pages.log", "-v4"], command.Arguments.Skip(3));
        Assert.Equal(["--lazy-pages", "--work-dir", "/d/criu-work/m1"], LazyPagesCommands.RestoreArguments("/d/criu-work/m1"));
    }

    [Fact]
    public void The_daemon_s_end_is_read_from_the_last_line_its_wrapper_prints()
    {
        Assert.Equal(1795960524265635996L, LazyPagesCommands.EndedAt("noise\ncriubench-ended-unix-ns=1795960524265635996\n"));
        Assert.Null(LazyPagesCommands.EndedAt("criubench-ended-unix-ns=\n"));
    }

    [Fact]
    public void Runc_passes_lazy_pages_on_with_the_lazy_server_address_and_the_work_directory_as_its_work_path()
    {
        var checkpoint = RuncCommands.Checkpoint("c1", "/d/images/m1", ["--lazy-pages", "--address", "198.18.0.1", "--port", "27028", "--work-dir", "/d/w", "-v3"]);
        Assert.Equal(["--root", RuncCommands.StateRoot, "checkpoint", "--image-path", "/d/images/m1", "--work-path", "/d/w",
            "--lazy-pages", "--page-server", "198.18.0.1:27028", "c1"], checkpoint.Arguments);
        var restore = RuncCommands.Restore("c1", "/d/images/m1", RuncBundle.In("/d/work/c1"), ["--lazy-pages", "--work-dir", "/d/w"]);
        Assert.Equal(["--root", RuncCommands.StateRoot, "restore", "--detach", "--image-path", "/d/images/m1", "--work-path", "/d/w",
            "--lazy-pages", "--bundle", "/d/work/c1/bundle", "c1"], restore.Arguments);
    }

    [Fact]
    public void The_log_directory_is_the_work_directory_when_one_is_given()
    {
        Assert.Equal("/d/w", CriuCommands.LogDirectory("/d/i", ["--lazy-pages", "--work-dir", "/d/w"]));
        Assert.Equal("/d/i", CriuCommands.LogDirectory("/d/i", ["--lazy-pages"]));
    }
}
