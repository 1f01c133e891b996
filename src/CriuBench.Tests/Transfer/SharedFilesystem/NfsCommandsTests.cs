using CriuBench.Execution;
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
    public void Every_script_passes_its_paths_as_arguments_and_never_inside_the_script()
    {
        foreach (var command in new[] { NfsCommands.StartServer(), NfsCommands.StopServer(), NfsCommands.RemoveLeftoverExports(), NfsCommands.Unmount() })
        {
            Assert.Equal("bash", command.Program);
            Assert.DoesNotContain("/var/lib/criubench", command.Arguments[1]);
            Assert.StartsWith("/var/lib/criubench/", command.Arguments[^1]);
        }
    }

    /// <summary>The scripts run only on hosts with NFS (not this machine): bash at least parses each one here.</summary>
    [Fact(Timeout = 60_000)]
    public async Task Every_script_is_valid_bash()
    {
        foreach (var command in new[] { NfsCommands.StartServer(), NfsCommands.StopServer(), NfsCommands.RemoveLeftoverExports(),
                     NfsCommands.Unmount(), NfsCommands.MountedVersion(), SharedMount.RemoveLeftoverMounts(), SharedMount.List() })
        {
            var check = await ProcessRunner.Instance.RunAsync(Command.Of("bash", "-n", "-c", command.Arguments[1]));
            Assert.True(check.Succeeded, $"{command.Arguments[2]}: {check.StandardError}");
        }
    }
}
