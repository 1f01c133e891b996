namespace CriuBench.Hosts;

/// <summary>
/// Finds the repository's workloads/ directory (launcher, scripts, native programs) on the
/// controller. Hosts never use these paths: <see cref="Hosts.HostAssets"/> copies what they need.
/// </summary>
public static class WorkloadAssets
{
    private static readonly Lazy<string> Root = new(Locate);

    public static string Directory => Root.Value;

    public static string Launcher => Path.Combine(Directory, "launch.sh");

    public static string File(string relativePath)
    {
        var path = Path.Combine(Directory, relativePath);
        if (!System.IO.File.Exists(path))
            throw new FileNotFoundException($"workload file {path} is missing: run scripts/setup.sh (it builds workloads/bin)", path);
        return path;
    }

    private static string Locate()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("CRIUBENCH_WORKLOADS");
        if (!string.IsNullOrEmpty(fromEnvironment)) return Path.GetFullPath(fromEnvironment);
        foreach (var start in new[] { AppContext.BaseDirectory, System.IO.Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "workloads");
                if (System.IO.File.Exists(Path.Combine(candidate, "launch.sh"))) return candidate;
            }
        }
        throw new DirectoryNotFoundException("cannot find the workloads/ directory: run from the CriuBench repository or set CRIUBENCH_WORKLOADS");
    }
}
