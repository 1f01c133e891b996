using CriuBench.Hosts;
using CriuBench.Tests.Support;
using CriuBench.Transfer;
using CriuBench.Transfer.SharedFilesystem;

namespace CriuBench.Tests.Transfer.SharedFilesystem;

public sealed class LeftoverLab() : LabFixture("nleft");

/// <summary>A run that crashed with sshfs mounted, on a real lab: the next start removes what it left, and says so.</summary>
public sealed class SharedFilesystemLeftoverTests(LeftoverLab fixture) : IClassFixture<LeftoverLab>
{
    private const string LeftFile = HostPaths.SharedMount + "/left-by-the-crash.txt";

    [Fact(Timeout = 180_000)]
    public async Task A_start_after_a_crash_unmounts_what_the_crashed_run_mounted_removes_its_export_and_says_so()
    {
        var lab = fixture.Lab;
        var crashed = TransferStrategies.Create("shared");
        await crashed.SetUpAsync(lab.Hosts, default); // and never disposed: the run "crashed" here
        await lab.Source.WriteTextAsync(LeftFile, "from the crashed run");
        Assert.Equal("from the crashed run", await lab.Destination.ReadTextAsync(LeftFile));

        var log = new CollectingLog();
        await using (var next = TransferStrategies.Create("shared", log))
        {
            await next.SetUpAsync(lab.Hosts, default);

            Assert.Contains(log.Infos, line => line.StartsWith($"dst: unmounted fuse.sshfs root@198.18.0.1:{SshfsSharedFilesystem.Export} at {HostPaths.SharedMount}", StringComparison.Ordinal));
            Assert.Contains(log.Infos, line => line.StartsWith("src: unmounted ", StringComparison.Ordinal) && line.Contains($" at {HostPaths.SharedMount} "));
            Assert.Contains($"src: removed {SshfsSharedFilesystem.Export} (left by an earlier run that did not finish)", log.Infos);
            Assert.Null(await lab.Destination.FileSizeAsync(LeftFile));
            await lab.Destination.WriteTextAsync(HostPaths.SharedMount + "/fresh.txt", "new mount");
            Assert.Equal("new mount", await lab.Source.ReadTextAsync(HostPaths.SharedMount + "/fresh.txt"));
        }

        foreach (var host in lab.Hosts)
        {
            var mounted = (await host.RunCheckedAsync(SharedMount.List())).StandardOutput;
            Assert.True(mounted.Length == 0, $"still mounted at {HostPaths.SharedMount} on {host.Name}: {mounted}");
        }
        Assert.Null(await lab.Source.FileSizeAsync(SshfsSharedFilesystem.Export));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_start_with_nothing_left_says_nothing()
    {
        var log = new CollectingLog();
        foreach (var host in fixture.Lab.Hosts)
        foreach (var filesystem in SharedFilesystems.All(log))
            Assert.Empty(await filesystem.RemoveLeftoversAsync(host, default));
        Assert.Empty(log.Infos);
    }
}
