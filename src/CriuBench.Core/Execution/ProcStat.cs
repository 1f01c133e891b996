namespace CriuBench.Execution;

/// <summary>A process's state and start time from /proc/PID/stat, read past the command name in parentheses (which may hold spaces).</summary>
public static class ProcStat
{
    /// <summary>Gone, or a zombie: it has ended, and only its parent's wait (late on these machines) is missing. It holds nothing any more.</summary>
    public static bool HasEnded(int pid) => Fields(pid) is not { } fields || fields[0] is "Z" or "X";

    /// <summary>When it started (field 22, clock ticks since boot), as text; null once it has ended. With the PID it names one process for good.</summary>
    public static string? StartTime(int pid) => Fields(pid) is { } fields && fields[0] is not ("Z" or "X") ? fields[19] : null;

    /// <summary>The state letter (field 3) and what follows it, or null when the process is gone.</summary>
    private static string[]? Fields(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }
}
