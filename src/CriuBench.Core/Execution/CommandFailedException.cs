namespace CriuBench.Execution;

/// <summary>A command exited non-zero; carries the whole result so callers can report its output.</summary>
public sealed class CommandFailedException(CommandResult result)
    : Exception($"`{result.Command}` exited with {result.ExitCode}: {Tail(result.StandardError, result.StandardOutput)}")
{
    public CommandResult Result { get; } = result;

    private static string Tail(string stderr, string stdout)
    {
        var text = string.IsNullOrWhiteSpace(stderr) ? stdout : stderr;
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length == 0 ? "(no output)" : string.Join(" | ", lines.TakeLast(5));
    }
}
