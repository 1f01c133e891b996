namespace CriuBench.Suites;

/// <summary>
/// Whether a user workload's program exists on this machine (the lab's hosts share its root
/// filesystem): an absolute path must be an executable file, a bare name must be on PATH, and a
/// relative path is taken from the suite file's directory.
/// </summary>
public static class ProgramCheck
{
    /// <summary>The program as it will be run (relative paths made absolute), or a problem that says what to write.</summary>
    public static (string? Program, string? Problem) Resolve(string program, string baseDirectory, string? path = null)
    {
        if (program.Length == 0) return (null, "the program is empty: give a program name or path first");
        if (!program.Contains('/'))
        {
            path ??= Environment.GetEnvironmentVariable("PATH") ?? "";
            var found = path.Split(':', StringSplitOptions.RemoveEmptyEntries).Any(dir => IsExecutableFile(Path.Combine(dir, program)));
            return found ? (program, null) : (null, $"program '{program}' is not on PATH: install it, or give its absolute path");
        }
        var full = Path.GetFullPath(program, baseDirectory);
        if (Directory.Exists(full)) return (null, $"program '{full}' is a directory: give the program inside it");
        if (!File.Exists(full))
            return (null, program.StartsWith('/')
                ? $"program '{full}' does not exist"
                : $"program '{program}' does not exist (relative paths are taken from the suite's directory, so this is {full})");
        if (!IsExecutable(full)) return (null, $"program '{full}' is not executable: chmod +x it, or put its interpreter first, e.g. [bash, {full}]");
        return (full, null);
    }

    private static bool IsExecutableFile(string path) => File.Exists(path) && IsExecutable(path);

    // CriuBench runs on Linux only (CRIU); the guard satisfies the platform analyzer.
    private static bool IsExecutable(string path) => !OperatingSystem.IsWindows() &&
        (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
}
