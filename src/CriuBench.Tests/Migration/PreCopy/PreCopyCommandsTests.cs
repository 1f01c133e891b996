using CriuBench.Criu;
using CriuBench.Workloads.Containers;

namespace CriuBench.Tests.Migration.PreCopy;

[Trait("Category", "Unit")]
public class PreCopyCommandsTests
{
    [Fact]
    public void The_first_round_is_a_pre_dump_with_memory_tracking_and_no_parent() =>
        Assert.Equal(["pre-dump", "--tree", "42", "--images-dir", "/d/images/m.it1", "--log-file", "pre-dump.log", "--track-mem"],
            CriuCommands.PreDump(42, "/d/images/m.it1", null, []).Arguments);

    [Fact]
    public void A_later_round_is_chained_to_the_previous_one_by_a_relative_path_and_may_go_to_a_page_server() =>
        Assert.Equal(["pre-dump", "--tree", "42", "--images-dir", "/d/images/m.it2", "--log-file", "pre-dump.log",
                "--track-mem", "--prev-images-dir", "../m.it1", "--page-server", "--address", "198.18.0.2", "--port", "27027"],
            CriuCommands.PreDump(42, "/d/images/m.it2", "../m.it1", CriuCommands.ToPageServer("198.18.0.2", 27027)).Arguments);

    [Fact]
    public void The_final_dump_tracks_memory_too_or_it_would_write_every_page_again() =>
        Assert.Equal(["--track-mem", "--prev-images-dir", "../m.it3"], CriuCommands.Chained("../m.it3"));

    [Fact]
    public void A_page_server_for_a_chained_dump_links_the_previous_round_on_its_side() =>
        Assert.Equal(["page-server", "--images-dir", "/d/images/m.it2", "--address", "198.18.0.2", "--port", "27027",
                "--daemon", "--pidfile", "/d/images/m.it2/page-server.pid", "--log-file", "page-server.log", "--prev-images-dir", "../m.it1"],
            CriuCommands.PageServer("/d/images/m.it2", "198.18.0.2", 27027, "/d/images/m.it2/page-server.pid", "../m.it1").Arguments);

    [Fact]
    public void Runc_pre_dumps_with_its_own_flags_for_the_parent_and_the_page_server() =>
        Assert.Equal(["--root", RuncCommands.StateRoot, "checkpoint", "--pre-dump", "--image-path", "/i/m.it2", "--work-path", "/i/m.it2",
                "--parent-path", "../m.it1", "--page-server", "198.18.0.2:27027", "c1"],
            RuncCommands.PreDump("c1", "/i/m.it2", "../m.it1", CriuCommands.ToPageServer("198.18.0.2", 27027)).Arguments);

    [Fact]
    public void Runc_checkpoints_a_chained_final_dump_with_parent_path_and_leaves_memory_tracking_to_runc() =>
        Assert.Equal(["--parent-path", "../m.it3"], RuncCommands.CheckpointOptions(CriuCommands.Chained("../m.it3")));

    [Fact]
    public void Runc_can_leave_the_container_running_for_files_precopy_s_first_pass() =>
        Assert.Equal(["--leave-running"], RuncCommands.CheckpointOptions(["--leave-running"]));
}
