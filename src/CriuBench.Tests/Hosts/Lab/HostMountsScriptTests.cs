using CriuBench.Execution;
using CriuBench.Hosts;
using CriuBench.Tests.Support;

namespace CriuBench.Tests.Hosts.Lab;

/// <summary>workloads/host-mounts.sh run for real in a throwaway mount namespace, whatever the machine's own /run holds.</summary>
public class HostMountsScriptTests
{
    /// <summary>
    /// /run starts empty there, as on a fresh machine whose own sshd never ran: the host's sshd still
    /// finds its privilege-separation directory (without it the first lab on such a machine failed,
    /// "sshd exited with 255").
    /// </summary>
    [Fact(Timeout = 30_000)]
    public async Task A_host_gets_sshds_directory_in_its_own_run_even_where_the_machine_has_none()
    {
        using var disk = new TempDirectory();
        using var shared = new TempDirectory();
        const string script = """
            mount -t tmpfs criubench-test-run /run && [ ! -e /run/sshd ] && "$1" "$2" "$3" \
              && stat -c '%F %a' /run/sshd && stat -f -c %T /run
            """;

        var result = await ProcessRunner.Instance.RunAsync(Command.Of("unshare", "--mount", "--propagation", "private",
            "sh", "-c", script, "_", WorkloadAssets.File("host-mounts.sh"), disk.Path, shared.Path));

        Assert.True(result.Succeeded, result.StandardError);
        Assert.Equal("directory 755\ntmpfs", result.StandardOutput.Trim());
    }
}
