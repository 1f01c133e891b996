namespace CriuBench.Hosts.Lab.Rescue;

/// <summary>
/// The cgroup scopes of other labs' hosts that a rescue restored into this host uses: a Podman
/// container restored from its archive keeps the cgroup parent of the host it was started on (an
/// earlier lab's, long gone), so this lab's teardown, which removes its own hosts' scopes, would
/// leave those behind. Each one is an empty file on the host's disk, named by the scope's host
/// identity; the teardown removes the scope once its tasks are gone, unless that host is up again.
/// </summary>
public static class ForeignCgroupScopes
{
    /// <summary>Where a host keeps them, below its disk.</summary>
    public const string Directory = HostPaths.Disk + "/rescue/cgroup-scopes";

    /// <summary>Notes that <paramref name="host"/> runs tasks in the scope of the host <paramref name="identity"/>.</summary>
    public static async Task RecordAsync(IHost host, string identity, CancellationToken ct)
    {
        if (!IsIdentity(identity)) throw new ArgumentException($"'{identity}' is no host identity", nameof(identity));
        await host.ExtractFileAsync([], Directory, identity, ct);
    }

    /// <summary>The identities recorded on a host's disk, as the controller sees it at <paramref name="disk"/>.</summary>
    public static IReadOnlyList<string> On(string disk)
    {
        var directory = disk + Directory[HostPaths.Disk.Length..];
        return System.IO.Directory.Exists(directory)
            ? System.IO.Directory.EnumerateFiles(directory).Select(Path.GetFileName).OfType<string>().Where(IsIdentity).Order(StringComparer.Ordinal).ToList()
            : [];
    }

    /// <summary>The host identity of a cgroup path of a scope (<see cref="HostCgroups.Scope(string)"/>/...), or null.</summary>
    public static string? IdentityOf(string cgroupPath)
    {
        var parts = cgroupPath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= 2 && parts[0] == HostCgroups.Top && IsIdentity(parts[1]) ? parts[1] : null;
    }

    private static bool IsIdentity(string name) => System.Text.RegularExpressions.Regex.IsMatch(name, "^[A-Za-z0-9][A-Za-z0-9_.-]*$");
}
