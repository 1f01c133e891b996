namespace CriuBench.Running;

/// <summary>
/// Checks, before anything is created, that a results root (--out) can take a new run: it is a
/// directory (or can become one), it is writable, and its 'latest' is a link that may be replaced.
/// </summary>
public static class ResultsRootCheck
{
    /// <summary>Null when a run can be written under <paramref name="root"/>; otherwise what is wrong and what to do.</summary>
    public static string? Problem(string root)
    {
        var full = Path.GetFullPath(root);
        if (File.Exists(full)) return $"--out {root} is a file, not a directory: give a directory for the results, e.g. --out results";
        if (Directory.Exists(full))
        {
            if (!IsWritable(full)) return $"--out {root} is not writable: give a directory you can write to";
            var latest = Path.Combine(full, "latest");
            if (Directory.Exists(latest) && new DirectoryInfo(latest).LinkTarget is null)
                return $"{latest} is a real directory, but a run replaces 'latest' with a link to itself: move it away or use another --out";
            if (File.Exists(latest) && new FileInfo(latest).LinkTarget is null)
                return $"{latest} is a file, but a run replaces 'latest' with a link to itself: move it away or use another --out";
            return null;
        }
        // It will be created: the nearest existing ancestor must be a writable directory.
        for (var parent = Path.GetDirectoryName(full); parent is not null; parent = Path.GetDirectoryName(parent))
        {
            if (File.Exists(parent)) return $"--out {root} cannot be created: {parent} is a file, not a directory";
            if (Directory.Exists(parent))
                return IsWritable(parent) ? null : $"--out {root} cannot be created: {parent} is not writable; give a directory you can write to";
        }
        return $"--out {root} cannot be created";
    }

    /// <summary>
    /// Makes and removes an empty directory there: root passes every permission check, so only
    /// trying tells a read-only mount or /proc from a place a run can be written.
    /// </summary>
    private static bool IsWritable(string directory)
    {
        var probe = Path.Combine(directory, $".criubench-probe-{Environment.ProcessId}");
        try
        {
            Directory.CreateDirectory(probe);
            Directory.Delete(probe);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
