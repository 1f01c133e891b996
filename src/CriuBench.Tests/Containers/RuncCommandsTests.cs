using CriuBench.Criu;
using CriuBench.Workloads.Containers;

namespace CriuBench.Tests.Containers;

[Trait("Category", "Unit")]
public class RuncCommandsTests
{
    private static readonly RuncBundle Bundle = RuncBundle.In("/var/lib/criubench/host/work/w");

    [Fact]
    public void Every_command_uses_the_hosts_own_state_root()
    {
        foreach (var command in new[] { RuncCommands.Run("w", Bundle), RuncCommands.Delete("w"), RuncCommands.List(),
                     RuncCommands.Checkpoint("w", "/i", []), RuncCommands.Restore("w", "/i", Bundle) })
        {
            Assert.Equal("runc", command.Program);
            Assert.Equal(["--root", "/var/lib/criubench/host/runc-state"], command.Arguments.Take(2));
        }
    }

    [Fact]
    public void Checkpoint_and_restore_keep_CRIUs_logs_and_statistics_in_the_images_directory()
    {
        Assert.Equal(["--root", RuncCommands.StateRoot, "checkpoint", "--image-path", "/i", "--work-path", "/i", "w"],
            RuncCommands.Checkpoint("w", "/i", []).Arguments);
        Assert.Equal(["--root", RuncCommands.StateRoot, "restore", "--detach", "--image-path", "/i", "--work-path", "/i",
            "--bundle", Bundle.Directory, "w"], RuncCommands.Restore("w", "/i", Bundle).Arguments);
    }

    [Fact]
    public void CRIUs_page_server_arguments_become_runcs_address_and_port()
    {
        Assert.Equal(["--tcp-established", "--page-server", "198.18.0.2:27000"],
            RuncCommands.CheckpointOptions([new CriuOption.UserArgument("--tcp-established"), .. CriuCommands.ToPageServer("198.18.0.2", 27000)]));
    }

    [Fact]
    public void A_services_established_connections_go_to_runc_checkpoint_and_runc_restore_and_closing_them_is_refused()
    {
        Assert.Equal(["--tcp-established"], RuncCommands.CheckpointOptions([new CriuOption.TcpEstablished()]));
        Assert.Contains("--tcp-established", RuncCommands.Restore("w", "/i", Bundle, [new CriuOption.TcpEstablished()]).Arguments);
        Assert.Throws<NotSupportedException>(() => RuncCommands.CheckpointOptions([new CriuOption.TcpClose()]));
    }

    [Fact]
    public void A_CRIU_option_runc_cannot_pass_on_is_refused_rather_than_dropped()
    {
        Assert.Throws<NotSupportedException>(() => RuncCommands.CheckpointOptions([new CriuOption.UserArgument("--skip-in-flight")]));
        Assert.Throws<NotSupportedException>(() => RuncCommands.CheckpointOptions([new CriuOption.LazyRestore()]));
        Assert.Throws<NotSupportedException>(() => RuncCommands.CheckpointOptions([.. CriuCommands.ToPageServer("198.18.0.2", 1), .. CriuCommands.ToPageServer("198.18.0.3", 2)]));
        Assert.Throws<NotSupportedException>(() => RuncCommands.Restore("c1", "/i", RuncBundle.In("/d/work/c1"), [new CriuOption.LeaveRunning()]));
    }
}
