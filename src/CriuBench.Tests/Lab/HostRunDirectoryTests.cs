using CriuBench.Execution;
using CriuBench.Hosts;
using CriuBench.Tests.Support;

namespace CriuBench.Tests.Lab;

public sealed class HostRunLab() : LabFixture("tt1");

/// <summary>A lab host's /run: a tmpfs, so CRIU keeps its kernel-feature cache, with the machine's own entries still there.</summary>
public sealed class HostRunDirectoryTests(HostRunLab fixture) : IClassFixture<HostRunLab>
{
    [Fact(Timeout = 120_000)]
    public async Task Criu_keeps_its_kernel_feature_cache_in_a_lab_host_and_the_machines_run_entries_stay_visible()
    {
        foreach (var host in fixture.Lab.Hosts)
        {
            var fileSystem = await host.RunCheckedAsync(Command.Of("stat", "-f", "-c", "%T", "/run"));
            Assert.Equal("tmpfs", fileSystem.StandardOutput.Trim());

            var check = await host.RunAsync(Command.Of("criu", "check"));
            Assert.DoesNotContain("Can't keep kdat cache", check.StandardError + check.StandardOutput);
            Assert.NotNull(await host.FileSizeAsync("/run/criu.kdat"));

            // sshd's privilege-separation directory and the lab's network namespace files are the machine's.
            Assert.NotNull(await host.FileSizeAsync("/run/sshd"));
            Assert.NotNull(await host.FileSizeAsync($"/run/netns/cb-{fixture.Name}-{host.Name}"));
        }
    }
}
