namespace CriuBench.Execution;

/// <summary>Facts about the controller machine that decide whether a run can start: who we are, what is installed.</summary>
public static class LocalSystem
{
    public static bool IsRoot => geteuid() == 0;

    /// <summary>Whether <paramref name="program"/> is on PATH, or in the sbin directories a non-login PATH may lack.</summary>
    public static bool IsInstalled(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/sbin").Append("/sbin")
            .Any(directory => File.Exists(Path.Combine(directory, program)));

    [System.Runtime.InteropServices.DllImport("libc")]
    private static extern uint geteuid();
}
