namespace CriuBench.Execution;

/// <summary>
/// POSIX single-quote quoting. Needed where a remote shell re-parses arguments (ssh joins its
/// arguments into one string), and for printing commands a user can paste.
/// </summary>
public static class ShellQuoting
{
    public static string Quote(string argument)
    {
        if (argument.Length > 0 && argument.All(IsSafe)) return argument;
        return "'" + argument.Replace("'", "'\\''") + "'";
    }

    /// <summary>
    /// A command as one line for a shell that re-parses it: what ssh hands the remote host's
    /// shell (it joins its arguments with spaces), so each word is quoted.
    /// </summary>
    public static string CommandLine(Command command) =>
        string.Join(' ', new[] { command.Program }.Concat(command.Arguments).Select(Quote));

    private static bool IsSafe(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or ':' or '=' or '@' or ',' or '+' or '%';
}
