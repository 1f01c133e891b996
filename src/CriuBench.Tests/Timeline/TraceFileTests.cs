using System.Text.Json;
using CriuBench.Criu;
using CriuBench.Execution;
using CriuBench.Tests.Support;
using CriuBench.Timeline;
using CriuBench.Transfer;
using CriuBench.Workloads.Output;

namespace CriuBench.Tests.Timeline;

/// <summary>trace.json against the trace-event format (fields, named tracks, nesting), over a timeline shaped as a real run records it.</summary>
[Trait("Category", "Unit")]
public sealed class TraceFileTests
{
    private const string Cold = "counter-cold-tar-1gbit-r001";
    private const string Lazy = "counter-postcopy-tar-1gbit-r001";

    /// <summary>
    /// Two migrations as the run records them: the hosts' own commands before them, then phases on
    /// the controller, commands with their process starts on src and dst, CRIU's phases from its
    /// statistics (memdump + memwrite longer than frozen, as CRIU reports them for a small dump),
    /// transfer steps and the workload's lines; the post-copy one keeps its lazy dump running on
    /// src across other commands there.
    /// </summary>
    private static MigrationTimeline RecordedRun()
    {
        var timeline = new MigrationTimeline(new RunClock());
        Command("", "src", "ip link", 10, 900, spawn: 400);
        Command("", "dst", "probe.sh", 1_000, 30_000, spawn: 600);

        Phase(Cold, "prepare", 100_000, 2_000);
        Phase(Cold, "settle", 102_000, 3_000);
        Command(Cold, "src", "sync", 102_100, 1_000, spawn: 300);
        Command(Cold, "dst", "sync", 102_200, 1_200, spawn: 300);
        Phase(Cold, "checkpoint", 105_000, 40_000, "src");
        Command(Cold, "src", "criu dump", 105_050, 39_900, spawn: 900);
        Phase(Cold, "transfer", 145_000, 60_000);
        Command(Cold, "src", "tar", 145_100, 8_000, spawn: 500);
        Command(Cold, "src", "scp", 153_200, 51_000, spawn: 500);
        Phase(Cold, "restore", 205_000, 30_000, "dst");
        Command(Cold, "dst", "tar", 205_050, 6_000, spawn: 400);
        Command(Cold, "dst", "criu restore", 211_100, 23_800, spawn: 700);
        Phase(Cold, "verify", 235_000, 150_000);
        Command(Cold, "dst", "stat", 236_000, 1_500, spawn: 400);
        MeasuredSteps.PlaceStopWindow(timeline, Cold);
        MeasuredSteps.PlaceCriu(timeline, Cold, Stats(freezing: 2, frozen: 20, memdump: 12, memwrite: 11, restore: 18, forking: 4));
        MeasuredSteps.PlaceTransfer(timeline, Cold, new TransferOutcome(TimeSpan.FromMilliseconds(60), 490_000,
            [new TransferStep("pack", TimeSpan.FromMilliseconds(8), TimeSpan.Zero), new TransferStep("copy", TimeSpan.FromMilliseconds(51))]));
        MeasuredSteps.PlaceSeam(timeline, Cold, new SeamReport(41, 42, 0, 170, 3)
        {
            LastBeforeUnixNs = UnixNs(timeline, 104_000), FirstAfterUnixNs = UnixNs(timeline, 236_500),
        });

        Phase(Lazy, "checkpoint", 500_000, 10_000, "src");
        Command(Lazy, "src", "criu dump", 500_100, 300_000, spawn: 900); // serves pages until every one is fetched
        Phase(Lazy, "transfer", 510_000, 20_000);
        Command(Lazy, "src", "tar", 510_100, 18_000, spawn: 500);
        Phase(Lazy, "restore", 530_000, 40_000, "dst");
        Command(Lazy, "dst", "criu restore", 530_100, 39_000, spawn: 700);
        Command(Lazy, "src", "stat", 790_000, 20_000, spawn: 400); // starts inside the lazy dump, ends after it
        return timeline;

        void Phase(string migration, string name, double start, double duration, string? host = null) =>
            timeline.Add(new TimelineSpan(migration, Tracks.Phases, name, "phase", start, duration, Host: host));

        void Command(string migration, string host, string name, double start, double duration, double spawn)
        {
            timeline.Add(new TimelineSpan(migration, host, $"{name}: process start", "spawn", start, spawn));
            timeline.Add(new TimelineSpan(migration, host, name, "command", start, duration, Detail: $"{name} --some args"));
        }
    }

    private static CriuStatistics Stats(double freezing, double frozen, double memdump, double memwrite, double restore, double forking) => new(
        new DumpStats(Ms(freezing), Ms(frozen), Ms(memdump), Ms(memwrite), 10, 0, 10, 0, null, null, null, null, null, null),
        new RestoreStats(Ms(forking), Ms(restore), 10, 0, null));

    private static TimeSpan Ms(double ms) => TimeSpan.FromMilliseconds(ms);

    private static long UnixNs(MigrationTimeline timeline, double atUs) =>
        (long)(timeline.Clock.FromUnixNs(0) * -1000) + (long)(atUs * 1000);

    private static readonly TraceMigration[] Rows =
    [
        new(Cold, new Dictionary<string, object>
        {
            ["workload"] = "counter", ["strategy"] = "tar", ["mode"] = "cold", ["rate"] = "1gbit", ["stop_time_ms"] = 130.2, ["transferred_bytes"] = 490_000L,
        }, 490_000),
        new(Lazy, new Dictionary<string, object>
        {
            ["workload"] = "counter", ["strategy"] = "tar", ["mode"] = "postcopy", ["rate"] = "1gbit", ["stop_time_ms"] = 70.0, ["transferred_bytes"] = 120_000L,
        }, 120_000),
    ];

    private static async Task<List<JsonElement>> WrittenAsync(MigrationTimeline timeline, IReadOnlyList<TraceMigration>? rows = null)
    {
        using var directory = new TempDirectory();
        await TraceFile.WriteAsync(directory.File("trace.json"), timeline.Spans, rows ?? Rows);
        var root = JsonDocument.Parse(await File.ReadAllTextAsync(directory.File("trace.json"))).RootElement.Clone();
        var problems = TraceEventFormat.Problems(root);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        return [.. root.GetProperty("traceEvents").EnumerateArray()];
    }

    private static string Name(JsonElement e) => e.GetProperty("name").GetString()!;
    private static string Ph(JsonElement e) => e.GetProperty("ph").GetString()!;
    private static int Pid(JsonElement e) => e.GetProperty("pid").GetInt32();

    private static Dictionary<int, string> Processes(List<JsonElement> events) =>
        events.Where(e => Name(e) == "process_name").ToDictionary(Pid, e => e.GetProperty("args").GetProperty("name").GetString()!);

    [Fact]
    public async Task A_real_shaped_run_is_a_valid_trace_whose_slices_of_each_thread_nest()
    {
        var events = await WrittenAsync(RecordedRun()); // Problems() checks fields, named tracks and nesting

        Assert.Contains(events, e => Ph(e) == "X");
        Assert.Contains(events, e => Ph(e) == "i");
        Assert.Contains(events, e => Ph(e) == "C");
    }

    [Fact]
    public void The_nesting_check_finds_a_slice_that_ends_after_its_parent()
    {
        var events = JsonDocument.Parse("""
            {"traceEvents":[{"name":"frozen","ph":"X","ts":0,"dur":20,"pid":1,"tid":1},{"name":"memwrite","ph":"X","ts":12,"dur":11,"pid":1,"tid":1}]}
            """).RootElement.GetProperty("traceEvents").EnumerateArray().ToList();

        Assert.Single(TraceEventFormat.NestingProblems(events));
    }

    [Fact]
    public async Task There_is_one_track_per_role_and_no_track_without_slices()
    {
        var events = await WrittenAsync(RecordedRun());

        Assert.Equal(["controller", "src", "dst", "link"], Processes(events).OrderBy(p => p.Key).Select(p => p.Value));
        var threads = events.Where(e => Name(e) == "thread_name").Select(e => e.GetProperty("args").GetProperty("name").GetString()).ToList();
        Assert.Equal(["controller", "src", "src (2)", "dst", "link"], threads);
        foreach (var thread in events.Where(e => Name(e) == "thread_name"))
            Assert.Contains(events, e => Ph(e) is "X" or "i" && Pid(e) == Pid(thread) && e.GetProperty("tid").GetInt32() == thread.GetProperty("tid").GetInt32());
    }

    [Fact]
    public async Task Each_migration_is_one_top_level_slice_on_the_controller_with_its_cell_stop_time_and_bytes()
    {
        var events = await WrittenAsync(RecordedRun());
        var controller = Processes(events).Single(p => p.Value == "controller").Key;

        var migrations = events.Where(e => Ph(e) == "X" && Pid(e) == controller && e.GetProperty("cat").GetString() == "migration").ToList();

        Assert.Equal([Cold, Lazy], migrations.Select(Name));
        var cold = migrations[0];
        var args = cold.GetProperty("args");
        Assert.Equal(("counter", "tar", "cold", "1gbit"), (args.GetProperty("workload").GetString(), args.GetProperty("strategy").GetString(),
            args.GetProperty("mode").GetString(), args.GetProperty("rate").GetString()));
        Assert.Equal(130.2, args.GetProperty("stop_time_ms").GetDouble());
        Assert.Equal(490_000, args.GetProperty("transferred_bytes").GetInt64());
        // Every phase of it lies inside it.
        var start = cold.GetProperty("ts").GetDouble();
        var end = start + cold.GetProperty("dur").GetDouble();
        foreach (var phase in events.Where(e => Ph(e) == "X" && e.GetProperty("cat").GetString() == "phase" && e.GetProperty("args").GetProperty("migration").GetString() == Cold))
            Assert.InRange(phase.GetProperty("ts").GetDouble(), start, end);
    }

    [Fact]
    public async Task Each_command_is_named_by_its_program_and_holds_its_process_start_and_criu_s_phases()
    {
        var events = await WrittenAsync(RecordedRun());
        var src = Processes(events).Single(p => p.Value == "src").Key;
        var slices = events.Where(e => Ph(e) == "X").ToList();

        Assert.DoesNotContain(slices, e => Name(e) == "spawn");
        Assert.Contains(slices, e => Name(e) == "criu dump: process start" && Pid(e) == src);
        var dump = slices.First(e => Name(e) == "criu dump" && Pid(e) == src);
        Assert.Equal("criu dump --some args", dump.GetProperty("args").GetProperty("command").GetString());
        var (dumpStart, dumpEnd) = Span(dump);
        foreach (var phase in new[] { "freezing", "frozen", "memdump", "memwrite" })
        {
            var criu = slices.Single(e => Name(e) == phase);
            Assert.Equal(src, Pid(criu));
            Assert.InRange(Span(criu).Start, dumpStart, dumpEnd);
            Assert.InRange(Span(criu).End, dumpStart, dumpEnd + 0.1);
        }
        // memdump (12 ms) + memwrite (11 ms) exceed frozen (20 ms): memwrite is cut at frozen's end, its own time kept.
        var memwrite = slices.Single(e => Name(e) == "memwrite");
        Assert.True(Span(memwrite).End <= Span(slices.Single(e => Name(e) == "frozen")).End + 0.1);
        Assert.Equal(11, memwrite.GetProperty("args").GetProperty("measured_ms").GetDouble());
    }

    [Fact]
    public async Task The_link_track_holds_the_transfer_steps_and_a_counter_of_the_bytes_sent_over_it()
    {
        var events = await WrittenAsync(RecordedRun());
        var link = Processes(events).Single(p => p.Value == "link").Key;

        Assert.Equal(["pack", "copy"], events.Where(e => Ph(e) == "X" && Pid(e) == link).Select(Name));
        var counter = events.Where(e => Ph(e) == "C").ToList();
        Assert.All(counter, e => Assert.Equal(link, Pid(e)));
        var bytes = counter.Select(e => e.GetProperty("args").GetProperty("bytes").GetInt64()).ToList();
        Assert.Equal(bytes.Order(), bytes);
        Assert.Equal(610_000, bytes[^1]);
    }

    [Fact]
    public async Task The_workload_s_lines_around_the_seam_are_moments_on_the_hosts_that_printed_them()
    {
        var events = await WrittenAsync(RecordedRun());
        var processes = Processes(events);

        var moments = events.Where(e => Ph(e) == "i").ToDictionary(e => Name(e)[..4], e => processes[Pid(e)]);

        Assert.Equal("src", moments["last"]);
        Assert.Equal("dst", moments["firs"]);
    }

    [Fact]
    public void Criu_phases_end_where_the_harness_saw_the_checkpoint_and_the_restore_end()
    {
        var spans = RecordedRun().Spans;
        TimelineSpan Criu(string name) => spans.Single(s => s.Track == Tracks.Criu && s.Name == name);

        Assert.Equal(145_000, Criu("frozen").EndUs, 3);
        Assert.Equal(Criu("frozen").StartUs, Criu("freezing").EndUs, 3);
        Assert.Equal(Criu("frozen").StartUs, Criu("memdump").StartUs, 3);
        Assert.Equal("src", Criu("frozen").Host);
        Assert.Equal(235_000, Criu("restore").EndUs, 3);
        Assert.Equal(Criu("restore").StartUs, Criu("forking").StartUs, 3);
        Assert.Equal("dst", Criu("restore").Host);
        var stopped = spans.Single(s => s.Name == "stopped");
        Assert.Equal((105_000, 235_000), (stopped.StartUs, stopped.EndUs));
        Assert.Equal([("pack", 145_000.0), ("copy", 153_000.0)], spans.Where(s => s.Track == Tracks.Transfer).Select(s => (s.Name, s.StartUs)));
    }

    [Fact]
    public async Task A_recording_host_puts_each_command_and_its_process_start_on_its_track_and_the_current_migration()
    {
        var timeline = new MigrationTimeline(new RunClock());
        var host = new RecordingHost(new FakeHost("src", "198.18.0.1", new SpawningRunner()), timeline);

        using (timeline.Within(Cold))
            await host.RunAsync(Command.Of("criu", "dump", "--tree", "42"));
        await host.RunAsync(Command.Of("stat", "-c", "%s", "/x"));

        Assert.Equal([(Cold, "src", "criu dump: process start", "spawn"), (Cold, "src", "criu dump", "command"), ("", "src", "stat", "command")],
            timeline.Spans.Select(s => (s.Migration, s.Track, s.Name, s.Category)).OrderBy(s => s.Item1 == "" ? 1 : 0).ThenBy(s => s.Item4 == "spawn" ? 0 : 1));
        Assert.Equal("criu dump --tree 42", timeline.Spans.Single(s => s.Name == "criu dump").Detail);
    }

    [Fact]
    public void A_command_is_named_by_its_program_and_verb()
    {
        Assert.Equal("docker checkpoint", RecordingHost.SpanName(Command.Of("/usr/bin/docker", "--host", "unix:///d.sock", "checkpoint", "create", "c1", "cp")));
        Assert.Equal("runc restore", RecordingHost.SpanName(Command.Of("runc", "--root", "/r", "restore", "--detach", "c1")));
        Assert.Equal("tar", RecordingHost.SpanName(Command.Of("tar", "-C", "/d", "-cf", "/a.tar", "images")));
    }

    private static (double Start, double End) Span(JsonElement e) =>
        (e.GetProperty("ts").GetDouble(), e.GetProperty("ts").GetDouble() + e.GetProperty("dur").GetDouble());

    /// <summary>Answers like a process that took 2 ms to start (only the first command).</summary>
    private sealed class SpawningRunner : ICommandRunner
    {
        private int count;

        public Task<CommandResult> RunAsync(Command command, CancellationToken cancellationToken = default) =>
            Task.FromResult(new CommandResult(command, 0, "", "", DateTimeOffset.UnixEpoch, TimeSpan.FromMilliseconds(3))
            {
                SpawnDuration = count++ == 0 ? TimeSpan.FromMilliseconds(2) : TimeSpan.Zero,
            });

        public Task<CommandResult> RunStreamingAsync(Command command, Func<Stream, Task> consumeOutput, CancellationToken cancellationToken = default) =>
            RunAsync(command, cancellationToken);
    }
}
