using CriuBench.Execution;
using CriuBench.Hosts;
using CriuBench.Transfer.SharedFilesystem;

namespace CriuBench.Tests.Transfer.SharedFilesystem;

/// <summary>What the NFS driver asks of each host, in order (fake hosts: the commands themselves run on the VM lab).</summary>
[Trait("Category", "Unit")]
public sealed class NfsSharedFilesystemTests
{
    [Fact]
    public async Task The_first_host_exports_to_both_and_both_mount_the_first_hosts_address_at_the_same_path()
    {
        var fakes = new TransferFakes();
        var nfs = new NfsSharedFilesystem();

        await nfs.MountAsync([fakes.Source, fakes.Destination], default);

        var onSource = fakes.SourceRunner.Commands.Select(Describe).ToList();
        Assert.Equal(["mkdir", "nfs-server.sh start", "exportfs -o", "exportfs -o", "mount-point", "mount 198.18.0.1", "nfs-mounted-version"], onSource);
        Assert.Equal([$"198.18.0.1:{NfsCommands.Export}", $"198.18.0.2:{NfsCommands.Export}"],
            fakes.SourceRunner.Commands.Where(c => c.Program == "exportfs").Select(c => c.Arguments[^1]));
        Assert.Equal(["mount-point", "mount 198.18.0.1"], fakes.DestinationRunner.Commands.Select(Describe));
    }

    [Fact]
    public async Task A_host_that_cannot_mount_4_2_mounts_the_next_version()
    {
        var fakes = new TransferFakes(destinationAnswer: c => c.Program == "mount" && c.Arguments.Contains("vers=4.2,proto=tcp,hard")
            ? (32, "", "mount.nfs4: Protocol not supported")
            : (0, "", ""));
        var nfs = new NfsSharedFilesystem();

        await nfs.MountAsync([fakes.Source, fakes.Destination], default);

        Assert.Equal(["vers=4.2,proto=tcp,hard", "vers=4.1,proto=tcp,hard"],
            fakes.DestinationRunner.Commands.Where(c => c.Program == "mount").Select(c => c.Arguments[3]));
    }

    [Fact]
    public async Task When_no_version_mounts_the_error_says_what_each_one_answered()
    {
        var fakes = new TransferFakes(destinationAnswer: c => c.Program == "mount" ? (32, "", "access denied by server") : (0, "", ""));
        var nfs = new NfsSharedFilesystem();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => nfs.MountAsync([fakes.Source, fakes.Destination], default));

        Assert.Contains($"dst cannot mount 198.18.0.1:{NfsCommands.Export}", error.Message);
        Assert.Contains("vers=4.2: access denied by server", error.Message);
        Assert.Contains("vers=4.0: access denied by server", error.Message);
    }

    [Fact]
    public async Task Unmounting_goes_clients_first_then_the_server_then_exports_then_the_server_it_started_then_the_directory()
    {
        var log = new List<string>();
        var fakes = new TransferFakes(
            sourceAnswer: c => { log.Add("src " + Describe(c)); return (0, Describe(c) == "mount-point" ? "made" : "", ""); },
            destinationAnswer: c => { log.Add("dst " + Describe(c)); return (0, "", ""); });
        var nfs = new NfsSharedFilesystem();
        await nfs.MountAsync([fakes.Source, fakes.Destination], default);
        log.Clear();

        await nfs.UnmountAsync();

        Assert.Equal(["dst shared-mount.sh unmount", "src shared-mount.sh unmount", "src rmdir", "src exportfs -u", "src exportfs -u", "src nfs-server.sh stop", "src find", "src rm"], log);
    }

    [Fact]
    public async Task Unmounting_what_was_never_mounted_runs_nothing()
    {
        var nfs = new NfsSharedFilesystem();

        await nfs.UnmountAsync();
    }

    [Fact]
    public async Task A_mount_that_failed_halfway_still_unexports_and_stops_what_it_started()
    {
        var fakes = new TransferFakes(destinationAnswer: c => c.Program == "mount" ? (32, "", "no route to host") : (0, "", ""));
        var nfs = new NfsSharedFilesystem();
        await Assert.ThrowsAsync<InvalidOperationException>(() => nfs.MountAsync([fakes.Source, fakes.Destination], default));
        fakes.SourceRunner.Commands.Clear();
        fakes.DestinationRunner.Commands.Clear();

        await nfs.UnmountAsync();

        Assert.Equal(["shared-mount.sh unmount", "exportfs -u", "exportfs -u", "nfs-server.sh stop", "find", "rm"], fakes.SourceRunner.Commands.Select(Describe));
        Assert.Empty(fakes.DestinationRunner.Commands);
    }

    /// <summary>A command by what it does: a host script by its file and first argument, a one-line bash script by its name ($0), exportfs by its flag, mount by its server.</summary>
    private static string Describe(Command command) => command.Program switch
    {
        var script when script.StartsWith(HostPaths.Assets + "/host/", StringComparison.Ordinal) => $"{Path.GetFileName(script)} {command.Arguments[0]}",
        "bash" => command.Arguments[2],
        "exportfs" => $"exportfs {command.Arguments[0]}",
        "mount" => $"mount {command.Arguments[4].Split(':')[0]}",
        var program => program,
    };
}
