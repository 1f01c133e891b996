namespace CriuBench.Hosts.Lab;

/// <summary>Finds the processes that live in given namespaces, by the namespace identity /proc shows.</summary>
internal static class NamespaceProcesses
{
    /// <summary>PIDs whose network or mount namespace is one of <paramref name="namespaceIds"/> (e.g. "net:[4026532248]").</summary>
    public static IReadOnlyList<int> Find(IReadOnlySet<string> namespaceIds)
    {
        var found = new List<int>();
        foreach (var entry in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(entry), out var pid) || pid == Environment.ProcessId) continue;
            if (IsMember($"{entry}/ns/net") || IsMember($"{entry}/ns/mnt")) found.Add(pid);
        }
        return found;

        bool IsMember(string link) => LinkTarget(link) is { } id && namespaceIds.Contains(id);
    }

    /// <summary>The identities of a lab's namespaces that exist now: each host's network and mount namespace.</summary>
    public static IReadOnlySet<string> OfLab(LabLayout layout) =>
        LabLayout.AllHostNames
            .SelectMany(host => new[] { IdentityOf(layout.NetworkNamespaceFile(host), "net"), IdentityOf(layout.MountNamespaceFile(host), "mnt") })
            .Append(IdentityOf($"/run/netns/{layout.SwitchNamespace}", "net"))
            .OfType<string>()
            .ToHashSet();

    /// <summary>The identity of the namespace a nsfs file (e.g. /run/netns/x) is bound to, or null if none.</summary>
    public static string? IdentityOf(string namespaceFile, string kind)
    {
        // A bound namespace file has the namespace's inode, which /proc/PID/ns/KIND shows as "KIND:[inode]".
        var buffer = new byte[256];
        if (stat(namespaceFile, buffer) != 0) return null;
        var inode = BitConverter.ToUInt64(buffer, 8); // struct stat: st_dev, then st_ino (64-bit Linux)
        var identity = $"{kind}:[{inode}]";
        // Unbound, the file is an ordinary empty file (on tmpfs); bound, it is on nsfs.
        return IsOnNsfs(namespaceFile) ? identity : null;
    }

    private static bool IsOnNsfs(string path)
    {
        var buffer = new byte[256];
        if (statfs(path, buffer) != 0) return false;
        return BitConverter.ToInt64(buffer, 0) == NsfsMagic;
    }

    private const long NsfsMagic = 0x6e736673;

    [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
    private static extern int stat(string path, byte[] buffer);

    [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
    private static extern int statfs(string path, byte[] buffer);

    private static string? LinkTarget(string path)
    {
        try { return new FileInfo(path).LinkTarget; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }
}
