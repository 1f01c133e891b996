using CriuBench.Hosts;
using CriuBench.Transfer.SharedFilesystem;

namespace CriuBench.Tests.Transfer.SharedFilesystem;

[Trait("Category", "Unit")]
public sealed class NfsCommandsTests
{
    private const string Export = "/var/lib/criubench/host/nfs-export";

    [Fact]
    public void The_export_is_read_write_synchronous_for_root_without_subtree_checks_and_with_a_fixed_filesystem_id()
    {
        var command = NfsCommands.ExportTo("198.18.0.2");

        Assert.Equal(["exportfs", "-o", "rw,sync,no_root_squash,no_subtree_check,fsid=1129466178", $"198.18.0.2:{Export}"],
            TransferFakes.Args(command));
    }

    [Fact]
    public void The_exports_line_names_each_host_with_the_same_options()
    {
        Assert.Equal(
            $"{Export} 198.18.0.1(rw,sync,no_root_squash,no_subtree_check,fsid=1129466178) 198.18.0.2(rw,sync,no_root_squash,no_subtree_check,fsid=1129466178)",
            NfsCommands.ExportsLine(["198.18.0.1", "198.18.0.2"]));
    }

    [Fact]
    public void Unexporting_names_the_same_client_and_directory_as_the_export()
    {
        Assert.Equal(["exportfs", "-u", $"198.18.0.2:{Export}"], TransferFakes.Args(NfsCommands.Unexport("198.18.0.2")));
    }

    [Fact]
    public void The_mount_asks_for_nfs_4_2_over_tcp_hard_at_the_shared_mount_point()
    {
        var command = NfsCommands.Mount("198.18.0.1", "4.2");

        Assert.Equal(["mount", "-t", "nfs4", "-o", "vers=4.2,proto=tcp,hard", $"198.18.0.1:{Export}", HostPaths.SharedMount],
            TransferFakes.Args(command));
    }

    [Fact]
    public void Versions_are_tried_from_4_2_down_to_4_0()
    {
        Assert.Equal(["4.2", "4.1", "4.0"], NfsCommands.Versions);
    }

    [Fact]
    public void An_ipv6_server_address_is_bracketed_in_the_mount_source()
    {
        Assert.Equal($"[fd00::1]:{Export}", NfsCommands.Source("fd00::1"));
    }

    [Fact]
    public void The_server_and_the_unmount_are_host_scripts_given_their_paths_as_arguments()
    {
        Assert.Equal([$"{HostPaths.Assets}/host/nfs-server.sh", "start", NfsCommands.ServerState], TransferFakes.Args(NfsCommands.StartServer()));
        Assert.Equal([$"{HostPaths.Assets}/host/nfs-server.sh", "stop", NfsCommands.ServerState], TransferFakes.Args(NfsCommands.StopServer()));
        Assert.Equal([$"{HostPaths.Assets}/host/nfs-server.sh", "unexport-leftovers", Export], TransferFakes.Args(NfsCommands.RemoveLeftoverExports()));
        Assert.Equal([$"{HostPaths.Assets}/host/shared-mount.sh", "unmount", HostPaths.SharedMount], TransferFakes.Args(NfsCommands.Unmount()));
    }
}
