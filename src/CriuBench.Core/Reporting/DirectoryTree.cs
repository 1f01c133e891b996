namespace CriuBench.Reporting;

/// <summary>Copies a run's folder (charts/, outputs/, logs/) into another run's or a site's, never over a file already there.</summary>
public static class DirectoryTree
{
    /// <param name="collision">What to throw when a file is already at the target; null: File.Copy's own IOException.</param>
    public static void Copy(string from, string to, Func<string, string, Exception>? collision = null)
    {
        if (!Directory.Exists(from)) return;
        foreach (var directory in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, directory)));
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            if (collision is not null && File.Exists(target)) throw collision(file, target);
            File.Copy(file, target);
        }
    }
}
