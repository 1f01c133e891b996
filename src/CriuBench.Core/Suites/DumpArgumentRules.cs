using CriuBench.Preflight;

namespace CriuBench.Suites;

/// <summary>
/// Which `criu dump` options a workload may add (criu_dump_args), per engine. Options that change
/// what a migration means (two running copies, images elsewhere, no log to read, a different mode)
/// are refused when the suite loads, with the reason.
/// </summary>
public static class DumpArgumentRules
{
    private const string TwoCopies = "the workload would stay on the source while its copy runs on the destination (two copies)";
    private const string HarnessChooses = "the harness chooses where the images go and where the transfer strategy finds them";

    /// <summary>Long option, its short form (or null), and why it is refused.</summary>
    private static readonly (string Long, char? Short, string Reason)[] Refused =
    [
        ("--leave-running", 'R', TwoCopies),
        ("--leave-stopped", 's', TwoCopies),
        ("--track-mem", null, "memory tracking belongs to iterative (pre-copy) migration, a mode, not a dump option"),
        ("--prev-images-dir", null, "a parent dump belongs to iterative (pre-copy) migration, a mode, not a dump option"),
        ("--lazy-pages", null, "post-copy is a migration mode, not a dump option: the restore would wait for pages nobody serves"),
        ("--page-server", null, "where the pages go is the transfer strategy's job: add page-server to 'strategies'"),
        ("--address", null, "where the pages go is the transfer strategy's job: add page-server to 'strategies'"),
        ("--port", null, "where the pages go is the transfer strategy's job: add page-server to 'strategies'"),
        ("--images-dir", 'D', HarnessChooses),
        ("--work-dir", 'W', HarnessChooses),
        ("--tree", 't', "the harness dumps the workload's own process tree"),
        ("--log-file", 'o', "the harness reads CRIU's dump.log to report why a dump failed"),
        ("--pidfile", null, "the harness reads the restored PID from its own pid file"),
        ("--check-only", null, "it only checks and dumps nothing, so there is nothing to restore"),
        ("--stream", null, "it sends the images to criu-image-streamer, which no transfer strategy reads"),
        ("--config", null, "a configuration file may set any of the refused options; give the options here instead"),
    ];

    /// <summary>Null when <paramref name="argument"/> may be added for <paramref name="engine"/>; otherwise why not and what to do.</summary>
    public static string? Problem(EngineCapabilities engine, string argument)
    {
        if (engine.UserDumpArguments is { Count: 0 })
            return $"`{engine.Checkpointer}` passes no CRIU options: remove criu_dump_args or use engine: runc or process";
        if (engine.UserDumpArguments is { } passedOn)
            return passedOn.Contains(argument) ? null : $"`{engine.Checkpointer}` can pass only {string.Join(", ", passedOn)}";
        foreach (var (longName, shortName, reason) in Refused)
            if (Matches(argument, longName, shortName))
                return $"{reason}; remove it";
        return null;
    }

    private static bool Matches(string argument, string longName, char? shortName)
    {
        if (argument == longName || argument.StartsWith(longName + "=", StringComparison.Ordinal)) return true;
        // A single-dash cluster such as -R, -Dimg, -t123 or -jR.
        return shortName is { } letter && argument.Length >= 2 && argument[0] == '-' && argument[1] != '-'
            && (argument[1] == letter || ShortFlagsOnly(argument) && argument.Contains(letter));
    }

    /// <summary>True for "-jR": only letters, so each is a flag (a value such as "-t123" holds digits).</summary>
    private static bool ShortFlagsOnly(string argument) => argument.Skip(1).All(char.IsAsciiLetter);
}
