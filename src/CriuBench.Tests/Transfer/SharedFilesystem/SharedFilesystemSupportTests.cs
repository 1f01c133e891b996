using CriuBench.Hosts;
using CriuBench.Migration;
using CriuBench.Transfer;
using CriuBench.Execution;
using CriuBench.Preflight;
using CriuBench.Running;
using CriuBench.Suites;
using CriuBench.Tests.Support;
using CriuBench.Transfer.SharedFilesystem;
using CriuBench.Workloads;
using CriuBench.Workloads.Catalog;
using CriuBench.Migration.Modes;

namespace CriuBench.Tests.Transfer.SharedFilesystem;

/// <summary>Which hosts can have which shared filesystem, decided when the suite loads.</summary>
public sealed class SharedFilesystemSupportTests
{
    /// <summary>What the probe prints on this machine's kernel (no NFS at all), apart from versions.</summary>
    private const string NoNfsProbe = """
        kernel=6.18.0
        criu=4.1.1
        criu_check=yes
        nfs_client_kernel=no
        nfs_client_tools=yes
        nfs_server_kernel=no
        nfs_server_tools=no
        sshfs=yes
        """;

    /// <summary>What it prints in a Debian VM with nfs-kernel-server and nfs-common.</summary>
    private const string NfsProbe = """
        kernel=6.1.0-28-amd64
        criu=3.17.1
        criu_check=yes
        nfs_client_kernel=yes
        nfs_client_tools=yes
        nfs_server_kernel=yes
        nfs_server_tools=yes
        sshfs=yes
        """;

    [Fact]
    public void On_a_kernel_without_nfs_the_nfs_strategy_is_refused_at_load_with_the_reason_and_shared_still_runs()
    {
        var hosts = new[] { HostProbe.Parse("src", "lab-netns", NoNfsProbe), HostProbe.Parse("dst", "lab-netns", NoNfsProbe) };
        var suite = new Suite { Name = "t", Strategies = Resolved.Strategies("nfs", "shared"), Workloads = [BuiltinWorkloads.ShellCounter()] };

        var plan = RunPlan.Build(suite, hosts, canShapeLink: false);

        var refused = Assert.Single(plan.Refused);
        Assert.Equal("nfs", refused.Strategy);
        Assert.Equal("this kernel has no NFS (client/server not in /proc/filesystems, no module): use the VM lab (--hosts vm) or real hosts, or `shared` (sshfs)",
            refused.Reason);
        Assert.Equal(["shared"], plan.Cells.Select(cell => cell.Strategy.Name));
    }

    [Fact]
    public void The_vm_suite_on_the_netns_lab_plans_tar_and_refuses_every_nfs_cell_with_the_reason()
    {
        var suite = SuiteLoader.Load(Path.Combine(WorkloadAssets.Directory, "suites", "vm.yaml"));
        var hosts = new[] { HostProbe.Parse("src", "lab-netns", NoNfsProbe), HostProbe.Parse("dst", "lab-netns", NoNfsProbe) };

        var plan = RunPlan.Build(suite, hosts, canShapeLink: true);

        Assert.Equal(suite.Workloads.Count, plan.Refused.Count);
        Assert.All(plan.Refused, refused => Assert.Equal(("nfs", NfsSharedFilesystem.NoKernelNfs), (refused.Strategy, refused.Reason)));
        Assert.All(plan.Cells, cell => Assert.Equal("tar", cell.Strategy.Name));
        Assert.Equal(suite.Workloads.Count, plan.Cells.Count);
    }

    [Fact]
    public void Hosts_with_kernel_nfs_and_its_packages_can_have_nfs()
    {
        Assert.True(new NfsSharedFilesystem().Supports(Combination(HostProbe.Parse("src", "vm-qemu", NfsProbe), HostProbe.Parse("dst", "vm-qemu", NfsProbe))).IsSupported);
    }

    [Fact]
    public void A_server_without_nfs_kernel_server_installed_is_told_to_install_it()
    {
        var server = HostProbe.Parse("src", "ssh", NfsProbe.Replace("nfs_server_tools=yes", "nfs_server_tools=no"));

        var support = new NfsSharedFilesystem().Supports(Combination(server, HostProbe.Parse("dst", "ssh", NfsProbe)));

        Assert.Equal("exportfs or rpc.nfsd is missing on src: install nfs-kernel-server there", support.Refusal);
    }

    [Fact]
    public void A_host_without_nfs_common_is_told_to_install_it_the_server_too_since_it_mounts_its_own_export()
    {
        var noClient = NfsProbe.Replace("nfs_client_tools=yes", "nfs_client_tools=no");

        var support = new NfsSharedFilesystem().Supports(Combination(HostProbe.Parse("src", "ssh", noClient), HostProbe.Parse("dst", "ssh", NfsProbe)));

        Assert.Equal("mount.nfs4 is missing on src: install nfs-common there", support.Refusal);
    }

    [Fact]
    public void A_destination_whose_kernel_cannot_mount_nfs_is_named()
    {
        var noClientKernel = NfsProbe.Replace("nfs_client_kernel=yes", "nfs_client_kernel=no");

        var support = new NfsSharedFilesystem().Supports(Combination(HostProbe.Parse("src", "ssh", NfsProbe), HostProbe.Parse("dst", "ssh", noClientKernel)));

        Assert.StartsWith("the kernel of dst has no NFS client", support.Refusal);
    }

    [Fact]
    public void Sshfs_is_refused_only_where_a_host_that_mounts_it_lacks_sshfs()
    {
        var sshfs = new SshfsSharedFilesystem();
        var without = HostProbe.Parse("dst", "ssh", NfsProbe.Replace("sshfs=yes", "sshfs=no"));

        Assert.True(sshfs.Supports(Combination(without with { Host = "src" }, HostProbe.Parse("dst", "ssh", NfsProbe))).IsSupported);
        Assert.Equal("sshfs cannot mount on dst (the sshfs program or /dev/fuse is missing): install sshfs there",
            sshfs.Supports(Combination(HostProbe.Parse("src", "ssh", NfsProbe), without)).Refusal);
    }

    /// <summary>
    /// The probe itself, run for real on this machine (the netns lab's hosts share its kernel):
    /// whatever it answers must agree with the kernel's own list of filesystems.
    /// </summary>
    [Fact(Timeout = 120_000)]
    public async Task The_probe_finds_kernel_nfs_exactly_when_the_kernel_lists_or_can_load_it()
    {
        var features = await HostProbe.ProbeAsync(new FakeHost("here", "127.0.0.1", new RepositoryAssetsRunner(ProcessRunner.Instance)), default);

        var filesystems = await File.ReadAllTextAsync("/proc/filesystems");
        Assert.Equal(filesystems.Contains("\tnfs4\n", StringComparison.Ordinal), features.NfsClientKernel);
        Assert.Equal(filesystems.Contains("\tnfsd\n", StringComparison.Ordinal), features.NfsServerKernel);
        Assert.Equal(LocalSystem.IsInstalled("mount.nfs4") && features.NfsClientKernel, features.NfsClient);
        Assert.Equal(LocalSystem.IsInstalled("sshfs") && File.Exists("/dev/fuse"), features.Sshfs);
    }

    private static Combination Combination(params HostFeatures[] hosts) =>
        new(MigrationModes.Resolve("cold").Needs, WorkloadEngines.Process.Capabilities, TransferStrategies.Resolve("nfs").Capabilities, BuiltinWorkloads.ShellCounter(), hosts);
}
