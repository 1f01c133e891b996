using CriuBench.Hosts.Lab.Rescue;
using CriuBench.Tests.Support;

namespace CriuBench.Tests.Hosts.Lab;

/// <summary>Reading a rescue's disks (as a lab's teardown leaves them) and the commands that restore from it.</summary>
[Trait("Category", "Unit")]
public class LabRescueTests
{
    private const string Instance = "memory-256m-cold-sshfs-1gbit";
    private const string Id = Instance + "-r002";

    [Fact]
    public void Shared_filesystem_images_on_one_host_and_the_workload_files_on_the_other_make_one_restorable_workload()
    {
        using var rescue = new TempDirectory();
        Images(rescue.Path, "src", $"export/{Id}/images", complete: true);
        Output(rescue.Path, "dst", $"work/{Instance}", lines: 40);
        Output(rescue.Path, "src", $"work/{Instance}", lines: 10); // an older copy: r001's, before the workload moved

        var read = LabRescue.Read(rescue.Path);

        var workload = Assert.Single(read.Workloads);
        Assert.Equal((Instance, Id), (workload.Instance, workload.MigrationId));
        Assert.True(workload.Restorable, workload.Lacks);
        Assert.Equal(Path.Combine(rescue.Path, "src", "export", Id, "images"), workload.Images!.Path);
        Assert.Equal(Path.Combine(rescue.Path, "dst", "work", Instance), workload.WorkDirectory);
        var byHand = string.Join("\n", RescueCommands.ByHand(read, workload));
        Assert.Contains($"mount --bind {Path.Combine(rescue.Path, "dst")} /var/lib/criubench/host", byHand);
        Assert.Contains($"criu restore --restore-detached --images-dir {workload.Images.Path} --work-dir /var/lib/criubench/host/rescue/{Id}", byHand);
        Assert.Contains($"criubench rescue restore {read.Directory}", RescueReadme.Text(read, "lab1"));
    }

    [Fact]
    public void A_podman_checkpoint_is_its_archive_restored_with_podman_and_podmans_own_copy_is_no_workload()
    {
        using var rescue = new TempDirectory();
        const string podmanId = "podman-counter-cold-tar-1gbit-r001";
        var archive = PodmanArchive(rescue.Path, "src", $"images/{podmanId}", complete: true);
        Images(rescue.Path, "src", "podman/storage/overlay-containers/c0ffee/userdata/checkpoint", complete: false); // Podman's --keep copy
        Output(rescue.Path, "src", "work/podman-counter-cold-tar-1gbit/out", lines: 5);

        var read = LabRescue.Read(rescue.Path);

        var workload = Assert.Single(read.Workloads);
        Assert.Equal(podmanId, workload.MigrationId);
        Assert.Equal(archive, workload.Images!.PodmanArchive);
        Assert.True(workload.Restorable, workload.Lacks);
        Assert.EndsWith("/work/podman-counter-cold-tar-1gbit/out/output.log", workload.OutputFile);
        var byHand = string.Join("\n", RescueCommands.ByHand(read, workload));
        Assert.Contains($"podman container restore --import {archive}", byHand);
        Assert.DoesNotContain("criu restore", byHand);
        var readme = RescueReadme.Text(read, "lab1");
        Assert.Contains("a Podman checkpoint archive on src", readme);
        Assert.Contains($"criubench rescue restore {read.Directory}", readme);

        PodmanArchive(rescue.Path, "src", $"images/{podmanId}", complete: false); // cut short while Podman wrote it
        var cut = Assert.Single(LabRescue.Read(rescue.Path).Workloads);
        Assert.Contains("incomplete", cut.Lacks);
    }

    [Theory]
    [InlineData("/criubench/cb-pod1-src/podman", "cb-pod1-src")]
    [InlineData("/criubench/cb-lab-dst", "cb-lab-dst")]
    [InlineData("/machine.slice/libpod", null)]
    [InlineData("/criubench", null)]
    [InlineData("/criubench/../etc/podman", null)]
    public void The_scope_a_rescued_containers_cgroup_parent_lies_in_is_its_host_identity_and_nothing_else_is(string parent, string? identity) =>
        Assert.Equal(identity, ForeignCgroupScopes.IdentityOf(parent));

    [Fact]
    public void A_dump_cut_short_cannot_restore_and_says_so()
    {
        using var rescue = new TempDirectory();
        Images(rescue.Path, "src", $"images/{Id}", complete: false);
        Output(rescue.Path, "src", $"work/{Instance}", lines: 5);

        var workload = Assert.Single(LabRescue.Read(rescue.Path).Workloads);

        Assert.False(workload.Restorable);
        Assert.Contains("incomplete", workload.Lacks);
        Assert.Contains("It cannot be restored: its images are incomplete", RescueReadme.Text(LabRescue.Read(rescue.Path), "lab1"));
    }

    [Fact]
    public void Images_a_restore_already_failed_from_are_passed_over_for_an_intact_copy()
    {
        using var rescue = new TempDirectory();
        var damaged = Images(rescue.Path, "src", $"images/{Id}", complete: true);
        File.WriteAllText(Path.Combine(damaged, "restore.log"), "(00.01) Error (criu/cr-restore.c:2611): Restoring FAILED.\n");
        Images(rescue.Path, "dst", $"images/{Id}", complete: true);
        Output(rescue.Path, "src", $"work/{Instance}", lines: 5);

        var workload = Assert.Single(LabRescue.Read(rescue.Path).Workloads);

        Assert.True(workload.Restorable, workload.Lacks);
        Assert.Equal("dst", workload.Images!.Host);
    }

    [Fact]
    public void Images_without_the_workload_files_cannot_restore()
    {
        using var rescue = new TempDirectory();
        Images(rescue.Path, "src", $"images/{Id}", complete: true);

        var workload = Assert.Single(LabRescue.Read(rescue.Path).Workloads);

        Assert.Contains($"no copy of its work directory (work/{Instance}", workload.Lacks);
    }

    private static string Images(string rescue, string host, string relative, bool complete)
    {
        var directory = Path.Combine(rescue, host, relative);
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "pages-1.img"), "pages");
        File.WriteAllText(Path.Combine(directory, "inventory.img"), "inventory");
        if (complete) File.WriteAllText(Path.Combine(directory, RescuedCheckpoint.CompletionMarker), "stats");
        return directory;
    }

    /// <summary>A Podman archive as `checkpoint --export` writes it; cut short, it ends inside the page images, before stats-dump.</summary>
    private static string PodmanArchive(string rescue, string host, string relative, bool complete)
    {
        var directory = Path.Combine(rescue, host, relative);
        Directory.CreateDirectory(directory);
        var archive = Path.Combine(directory, CriuBench.Hosts.HostPaths.PodmanArchiveName);
        using (var stream = File.Create(archive))
        using (var writer = new System.Formats.Tar.TarWriter(stream))
            foreach (var (name, bytes) in new[] { ("checkpoint/pages-1.img", 4096), (RescuedCheckpoint.CompletionMarker, 64) })
                writer.WriteEntry(new System.Formats.Tar.PaxTarEntry(System.Formats.Tar.TarEntryType.RegularFile, name) { DataStream = new MemoryStream(new byte[bytes]) });
        if (!complete)
            using (var stream = new FileStream(archive, FileMode.Open)) stream.SetLength(2048);
        return archive;
    }

    private static void Output(string rescue, string host, string relative, int lines)
    {
        var directory = Path.Combine(rescue, host, relative);
        Directory.CreateDirectory(directory);
        File.WriteAllLines(Path.Combine(directory, "output.log"), Enumerable.Range(0, lines).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }
}
