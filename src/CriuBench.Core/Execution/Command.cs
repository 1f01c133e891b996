namespace CriuBench.Execution;

/// <summary>
/// One program invocation as an immutable value. Arguments are a list and are never joined into
/// a shell string; hosts wrap a command (nsenter, ssh) by prefixing, not by concatenating.
/// </summary>
public sealed record Command(string Program, IReadOnlyList<string> Arguments)
{
    public string? WorkingDirectory { get; init; }

    /// <summary>Text written to the program's standard input, then closed. Null: no input.</summary>
    public string? StandardInput { get; init; }

    /// <summary>Killed (with its children) when it runs longer than this.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(10);

    public static Command Of(string program, params IEnumerable<string> arguments) => new(program, [.. arguments]);

    /// <summary>This command run through another program, e.g. <c>nsenter --net=... -- program args</c>.</summary>
    public Command RunBy(string program, params IEnumerable<string> prefix) =>
        this with { Program = program, Arguments = [.. prefix, Program, .. Arguments] };

    public Command WithArguments(params IEnumerable<string> more) => this with { Arguments = [.. Arguments, .. more] };

    public Command WithTimeout(TimeSpan timeout) => this with { Timeout = timeout };

    /// <summary>For logs and error messages only: shell-quoted so a reader can paste it.</summary>
    public override string ToString() => ShellQuoting.CommandLine(this);
}
