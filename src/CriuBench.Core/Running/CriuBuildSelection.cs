using CriuBench.Execution;
using CriuBench.Hosts;
using CriuBench.Preflight;
using CriuBench.Suites;
using CriuBench.Vocabulary;

namespace CriuBench.Running;

/// <summary>
/// `run --criu VERSION`: every host migrates with the build at /usr/local/lib/criubench/criu/VERSION/criu.
/// In each lab host's own mount namespace the build is bind-mounted over the hosts' criu
/// (/usr/local/sbin/criu), so everything that runs `criu` there uses it: the harness, runc, the
/// host's dockerd, the probe; nothing is added inside the stop window (no wrapper, no extra
/// exec), and the mount goes with the lab. Hosts that are whole machines (ssh, VMs) are refused.
/// </summary>
public static class CriuBuildSelection
{
    /// <summary>Why the build cannot be used with these hosts, checked before any host is up; null when it can.</summary>
    public static string? Refusal(IHostProvider provider, CriuBuild build)
    {
        if (!provider.HostsHaveOwnMounts)
            return $"--criu {build.Version}: the {provider.Kind} hosts are whole machines, where CriuBench does not swap the criu a user installed; "
                + $"install CRIU {build.Version} as their criu, or use the embedded lab (--hosts lab)";
        // The lab's hosts see the controller's files: a build missing here is missing on every host.
        return File.Exists(build.Path) ? null : NotInstalled(build, "this machine (the lab's hosts)");
    }

    /// <summary>Bind-mounts the build over each host's criu, after checking it is there.</summary>
    public static async Task ApplyAsync(IReadOnlyList<IHost> hosts, CriuBuild build, CancellationToken ct)
    {
        foreach (var host in hosts)
        {
            if (!(await host.RunAsync(Command.Of("test", "-x", build.Path), ct)).Succeeded)
                throw new SuiteException(NotInstalled(build, host.Name));
            var mount = await host.RunAsync(Command.Of("mount", "--bind", build.Path, CriuBuild.DefaultPath), ct);
            if (!mount.Succeeded)
                throw new PreflightFailedException($"--criu {build.Version}: mounting {build.Path} over {CriuBuild.DefaultPath} on {host.Name} failed: {mount.StandardError.Trim()} "
                    + $"(the default build must be installed there: scripts/build-criu.sh)");
        }
    }

    /// <summary>After the probe: every host's `criu --version` must be the build's, or its PATH finds another criu first.</summary>
    public static void CheckVersions(IReadOnlyList<HostFeatures> hosts, CriuBuild build)
    {
        foreach (var host in hosts.Where(h => h.CriuVersion != build.Version))
            throw new PreflightFailedException($"--criu {build.Version}: `criu --version` on {host.Host} says {host.CriuVersion ?? "nothing"}: "
                + $"its PATH finds a criu other than {CriuBuild.DefaultPath}, which now holds {build.Path}");
    }

    private static string NotInstalled(CriuBuild build, string where) =>
        $"--criu {build.Version}: CRIU {build.Version} is not installed on {where}: {build.Path} is missing; build it with {build.BuildCommand}";
}
