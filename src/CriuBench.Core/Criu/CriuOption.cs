using System.Globalization;

namespace CriuBench.Criu;

/// <summary>
/// One CRIU option a mode, a strategy or a workload asks for, as a value (in the manner of
/// go-criu's <c>rpc.CriuOpts</c>), never a string to parse back: each engine renders it its own
/// way (the process engine as criu's flags, <see cref="CriuArguments"/>; runc as `runc checkpoint`'s
/// flags; docker passes none).
/// </summary>
public abstract record CriuOption
{
    /// <summary>How criu itself spells it.</summary>
    public abstract IReadOnlyList<string> CriuArguments { get; }

    /// <summary>Dump: send the memory pages to the page server on <paramref name="Address"/>:<paramref name="Port"/> instead of the images directory.</summary>
    public sealed record PageServer(string Address, int Port) : CriuOption
    {
        public override IReadOnlyList<string> CriuArguments => ["--page-server", "--address", Address, "--port", Number(Port)];
    }

    /// <summary>Dump (post-copy): keep the pages in the frozen workload and serve them on <paramref name="Address"/>:<paramref name="Port"/> as they are asked for.</summary>
    public sealed record LazyDump(string Address, int Port) : CriuOption
    {
        public override IReadOnlyList<string> CriuArguments => ["--lazy-pages", "--address", Address, "--port", Number(Port)];
    }

    /// <summary>Restore (post-copy): the memory comes from the lazy-pages daemon, through the work directory's socket.</summary>
    public sealed record LazyRestore : CriuOption
    {
        public override IReadOnlyList<string> CriuArguments => ["--lazy-pages"];
    }

    /// <summary>Track which pages change, so a later dump chained to this one leaves out the unchanged ones.</summary>
    public sealed record TrackMemory : CriuOption
    {
        public override IReadOnlyList<string> CriuArguments => ["--track-mem"];
    }

    /// <summary>The parent images (a pre-copy round), relative to the images directory.</summary>
    public sealed record ParentImages(string Directory) : CriuOption
    {
        public override IReadOnlyList<string> CriuArguments => ["--prev-images-dir", Directory];
    }

    /// <summary>Where CRIU writes its log, statistics and sockets instead of the images directory.</summary>
    public sealed record WorkDirectory(string Directory) : CriuOption
    {
        public override IReadOnlyList<string> CriuArguments => ["--work-dir", Directory];
    }

    /// <summary>Dump and let the workload run on (a first pass whose images only seed the destination).</summary>
    public sealed record LeaveRunning : CriuOption
    {
        public override IReadOnlyList<string> CriuArguments => ["--leave-running"];
    }

    /// <summary>CRIU's log level (-v3 makes the lazy dump log when it serves, -v4 the daemon's page counts).</summary>
    public sealed record LogLevel(int Level) : CriuOption
    {
        public override IReadOnlyList<string> CriuArguments => [$"-v{Number(Level)}"];
    }

    /// <summary>Dump and restore a service's established TCP connections (TCP repair), so its clients keep them.</summary>
    public sealed record TcpEstablished : CriuOption
    {
        public override IReadOnlyList<string> CriuArguments => ["--tcp-established"];
    }

    /// <summary>Dump established TCP connections without their state and restore them closed: clients see a reset and reconnect.</summary>
    public sealed record TcpClose : CriuOption
    {
        public override IReadOnlyList<string> CriuArguments => ["--tcp-close"];
    }

    /// <summary>One of the workload's own criu_dump_args, as the suite gives it (checked against the engine when the suite loads).</summary>
    public sealed record UserArgument(string Text) : CriuOption
    {
        public override IReadOnlyList<string> CriuArguments => [Text];
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>What every engine asks of a list of <see cref="CriuOption"/>s.</summary>
public static class CriuOptions
{
    /// <summary>The options as criu's own flags, in order.</summary>
    public static IReadOnlyList<string> Render(IEnumerable<CriuOption> options) => [.. options.SelectMany(option => option.CriuArguments)];

    /// <summary>A workload's criu_dump_args, as options.</summary>
    public static IReadOnlyList<CriuOption> FromUser(IEnumerable<string> arguments) => [.. arguments.Select(text => new CriuOption.UserArgument(text))];

    /// <summary>Where CRIU writes its log (relative --log-file) and statistics: the work directory among the options, else the images directory.</summary>
    public static string LogDirectory(string imagesDirectory, IEnumerable<CriuOption> options) =>
        options.OfType<CriuOption.WorkDirectory>().LastOrDefault()?.Directory ?? imagesDirectory;

    /// <summary>The options as a user would type them for criu, for messages.</summary>
    public static string Describe(IEnumerable<CriuOption> options) => string.Join(' ', Render(options));
}
