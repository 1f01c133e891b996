using CriuBench.Execution;
using CriuBench.Hosts;

namespace CriuBench.Timeline;

/// <summary>
/// A host whose every command lands on the timeline, on the host's own track and the current
/// migration's row, with the cost of starting the process as a span inside it. The run wraps its
/// hosts once, so engines, strategies and modes record without knowing it.
/// </summary>
public sealed class RecordingHost(IHost inner, MigrationTimeline timeline) : IHost
{
    public IHost Inner { get; } = inner;
    public string Name => Inner.Name;
    public string Kind => Inner.Kind;
    public string Identity => Inner.Identity;
    public SshAccess Ssh => Inner.Ssh;

    public Task<CommandResult> RunAsync(Command command, CancellationToken cancellationToken = default) =>
        RecordAsync(command, () => Inner.RunAsync(command, cancellationToken));

    public Task<CommandResult> RunStreamingAsync(Command command, Func<Stream, Task> consumeOutput, CancellationToken cancellationToken = default) =>
        RecordAsync(command, () => Inner.RunStreamingAsync(command, consumeOutput, cancellationToken));

    /// <summary>Wraps each host once; hosts already recording stay as they are.</summary>
    public static IReadOnlyList<IHost> WrapAll(IEnumerable<IHost> hosts, MigrationTimeline timeline) =>
        hosts.Select(host => host is RecordingHost ? host : new RecordingHost(host, timeline)).ToList();

    private async Task<CommandResult> RecordAsync(Command command, Func<Task<CommandResult>> run)
    {
        var migration = timeline.CurrentMigration;
        var start = timeline.Clock.NowUs;
        try
        {
            var result = await run();
            if (result.SpawnDuration > TimeSpan.Zero)
                timeline.Add(new TimelineSpan(migration, Name, $"{SpanName(command)}: process start", "spawn", start, result.SpawnDuration.TotalMicroseconds));
            return result;
        }
        finally
        {
            timeline.Add(new TimelineSpan(migration, Name, SpanName(command), "command", start, timeline.Clock.NowUs - start, Detail: Describe(command)));
        }
    }

    public override string ToString() => Name;

    /// <summary>The command as a user would type it, cut at 300 characters (a config.json written in one argument is long).</summary>
    private static string Describe(Command command)
    {
        var text = string.Join(' ', [command.Program, .. command.Arguments]);
        return text.Length <= 300 ? text : text[..300] + "...";
    }

    /// <summary>The program and its verb ("criu dump", "runc restore", "tar"): short enough for a trace's bar.</summary>
    public static string SpanName(Command command)
    {
        var program = Path.GetFileName(command.Program);
        var verb = command.Arguments.FirstOrDefault(argument => !argument.StartsWith('-') && !argument.Contains('/') && !argument.Contains('='));
        return program is "criu" or "runc" or "docker" or "ip" or "tc" && verb is not null ? $"{program} {verb}" : program;
    }
}
