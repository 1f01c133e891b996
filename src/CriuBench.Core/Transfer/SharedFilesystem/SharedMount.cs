using CriuBench.Execution;
using CriuBench.Hosts;

namespace CriuBench.Transfer.SharedFilesystem;

/// <summary>What every shared filesystem does with the mount point itself.</summary>
internal static class SharedMount
{
    /// <summary>
    /// Prints "FSTYPE SOURCE" of each mount at <c>$1</c>, the topmost last. Read from the mount table,
    /// never by touching the path: a FUSE or NFS mount whose server is gone fails every stat
    /// (`mountpoint` then says "not a mountpoint").
    /// </summary>
    internal const string MountsAtFunction = """
        mounts_at() { awk -v m="$1" '$5 == m { for (i = 7; $i != "-"; i++); print $(i + 1), $(i + 2) }' /proc/self/mountinfo; }
        """;

    /// <summary>
    /// Makes the mount point where the host lacks it (a machine of the user's, a VM); true when it
    /// made it, so the filesystem removes it again when it unmounts.
    /// </summary>
    public static async Task<bool> EnsureMountPointAsync(IHost host, CancellationToken ct)
    {
        var made = await host.RunCheckedAsync(Command.Of("bash", "-c", """[ -d "$1" ] || { mkdir -p "$1" && echo made; }""", "mount-point", HostPaths.SharedMount), ct);
        return made.StandardOutput.Contains("made", StringComparison.Ordinal);
    }

    /// <summary>The mounts at the shared mount point, one "FSTYPE SOURCE" line each (empty: nothing mounted).</summary>
    public static Command List() =>
        Command.Of("bash", "-c", MountsAtFunction + "\nmounts_at \"$1\"", "list-shared-mounts", HostPaths.SharedMount);

    /// <summary>
    /// Unmounts whatever a crashed run left at the shared mount point (mounts may be stacked, and
    /// a server that is gone must not hang the unmount: lazy), printing each one it removed.
    /// </summary>
    public static Command RemoveLeftoverMounts() => Command.Of("bash", "-c", MountsAtFunction + """

        mnt=$1
        for _ in 1 2 3 4 5 6 7 8; do
          what=$(mounts_at "$mnt" | tail -n1)
          [ -n "$what" ] || exit 0
          umount -f -l "$mnt" 2>/dev/null || umount -l "$mnt" || exit 1
          echo "unmounted $what at $mnt"
        done
        """, "remove-leftover-mounts", HostPaths.SharedMount).WithTimeout(TimeSpan.FromSeconds(60));

    /// <summary>Removes a directory the filesystem made, saying so if it existed.</summary>
    public static Command RemoveLeftoverDirectory(string directory) => Command.Of("bash", "-c", """
        [ -e "$1" ] || exit 0
        rm -rf --one-file-system -- "$1" && echo "removed $1"
        """, "remove-leftover-directory", directory);

    /// <summary>Runs a leftover command and returns the lines it printed, one per thing removed.</summary>
    public static async Task<IReadOnlyList<string>> RunAsync(IHost host, Command command, CancellationToken ct)
    {
        var result = await host.RunCheckedAsync(command, ct);
        return result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
