using System.Globalization;

namespace CriuBench.Running;

/// <summary>Where runs are written: results/&lt;run id&gt;/, with results/latest pointing at the newest.</summary>
public static class ResultsDirectory
{
    public static string NewRunId(DateTimeOffset now, string suiteName) =>
        $"{now.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}-{suiteName}";

    public static string Create(string root, string runId)
    {
        var directory = Path.GetFullPath(Path.Combine(root, runId));
        // The run id comes from the suite's name, checked at load; this guards any other caller.
        if (Path.GetDirectoryName(directory) != Path.GetFullPath(root).TrimEnd('/') || runId.Contains('/'))
            throw new ArgumentException($"run id '{runId}' would not be a directory directly in {root}");
        if (Directory.Exists(directory)) throw new IOException($"{directory} exists already; wait a second and run again");
        Directory.CreateDirectory(directory);
        PointLatestAt(root, runId);
        return directory;
    }

    private static void PointLatestAt(string root, string runId)
    {
        var latest = Path.Combine(root, "latest");
        if (File.Exists(latest) || Directory.Exists(latest) || new FileInfo(latest).LinkTarget is not null) File.Delete(latest);
        File.CreateSymbolicLink(latest, runId); // relative, so the results tree can be moved
    }
}
