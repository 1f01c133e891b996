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
            RuncCommands.CheckpointOptions(["--tcp-established", "--page-server", "--address", "198.18.0.2", "--port", "27000"]));
    }

    [Theory]
    [InlineData("--skip-in-flight")]
    [InlineData("--address", "198.18.0.2")]
    [InlineData("--page-server", "--port", "1")]
    public void A_dump_argument_runc_cannot_pass_on_is_refused_rather_than_dropped(params string[] arguments) =>
        Assert.Throws<NotSupportedException>(() => RuncCommands.CheckpointOptions(arguments));
}
