using System.Text.Json;
using CriuBench.Criu;
using CriuBench.Execution;
using CriuBench.Tests.Support;
using CriuBench.Timeline;
using CriuBench.Transfer;
using CriuBench.Workloads.Output;

namespace CriuBench.Tests.Timeline;

/// <summary>trace.json against the trace-event format's required fields, as Perfetto's JSON importer reads them.</summary>
[Trait("Category", "Unit")]
public sealed class TraceFileTests
{
    private const string Migration = "counter-cold-tar-1gbit-r001";

    /// <summary>A migration as the run records it: phases, commands on hosts, CRIU's phases, transfer steps, the workload's lines.</summary>
    private static MigrationTimeline RecordedMigration()
    {
        var timeline = new MigrationTimeline(new RunClock());
        timeline.Add(new TimelineSpan("", "src", "ip link", "command", 10, 900));
        timeline.Add(new TimelineSpan(Migration, Tracks.Phases, "checkpoint", "phase", 1_000, 40_000));
        timeline.Add(new TimelineSpan(Migration, "src", "spawn", "spawn", 1_000, 1_500));
        timeline.Add(new TimelineSpan(Migration, "src", "criu dump", "command", 1_000, 40_000));
        timeline.Add(new TimelineSpan(Migration, Tracks.Phases, "transfer", "phase", 41_000, 100_000));
        timeline.Add(new TimelineSpan(Migration, Tracks.Phases, "restore", "phase", 141_000, 30_000));
        timeline.Add(new TimelineSpan(Migration, "dst", "criu restore", "command", 141_000, 30_000));
        MeasuredSteps.PlaceStopWindow(timeline, Migration);
        MeasuredSteps.PlaceCriu(timeline, Migration, new CriuStatistics(
            new DumpStats(TimeSpan.FromMilliseconds(2), TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(3),
                10, 0, 10, 0, null, null, null, null, null, null),
            new RestoreStats(TimeSpan.FromMilliseconds(4), TimeSpan.FromMilliseconds(9), 10, 0, null)));
        MeasuredSteps.PlaceTransfer(timeline, Migration, new TransferOutcome(TimeSpan.FromMilliseconds(100), 4096,
            [new TransferStep("pack", TimeSpan.FromMilliseconds(5), TimeSpan.Zero), new TransferStep("copy", TimeSpan.FromMilliseconds(90))]));
        var now = (DateTimeOffset.UtcNow - DateTimeOffset.UnixEpoch).Ticks * 100;
        MeasuredSteps.PlaceSeam(timeline, Migration, new SeamReport(41, 42, 0, 170, 3) { LastBeforeUnixNs = now, FirstAfterUnixNs = now + 170_000_000 });
        return timeline;
    }

    private static async Task<JsonElement> WrittenAsync(MigrationTimeline timeline)
    {
        using var directory = new TempDirectory();
        await TraceFile.WriteAsync(directory.File("trace.json"), timeline.Spans);
        return JsonDocument.Parse(await File.ReadAllTextAsync(directory.File("trace.json"))).RootElement.Clone();
    }

    [Fact]
    public async Task Every_event_has_the_fields_the_trace_event_format_requires_with_numbers_as_numbers()
    {
        var root = await WrittenAsync(RecordedMigration());

        Assert.Equal(JsonValueKind.Object, root.ValueKind); // Perfetto's importer takes the object form ...
        var events = root.GetProperty("traceEvents").EnumerateArray().ToList(); // ... with a traceEvents array
        Assert.NotEmpty(events);
        foreach (var e in events)
        {
            Assert.Equal(JsonValueKind.String, e.GetProperty("name").ValueKind);
            var ph = e.GetProperty("ph").GetString();
            Assert.Contains(ph, new[] { "X", "i", "M" });
            Assert.Equal(JsonValueKind.Number, e.GetProperty("pid").ValueKind);
            Assert.Equal(JsonValueKind.Number, e.GetProperty("tid").ValueKind);
            if (ph == "M")
            {
                Assert.Contains(e.GetProperty("name").GetString(), new[] { "process_name", "process_sort_index", "thread_name" });
                Assert.Equal(JsonValueKind.Object, e.GetProperty("args").ValueKind);
                continue;
            }
            Assert.Equal(JsonValueKind.Number, e.GetProperty("ts").ValueKind);
            Assert.True(e.GetProperty("ts").GetDouble() >= 0 || ph == "i", $"{e}: ts before the run began");
            if (ph == "X")
                Assert.True(e.GetProperty("dur").GetDouble() >= 0, $"{e}: a complete event needs a non-negative dur");
            else
                Assert.Equal("t", e.GetProperty("s").GetString());
        }
    }

    [Fact]
    public async Task Each_track_is_a_named_process_and_each_migration_a_named_thread()
    {
        var events = (await WrittenAsync(RecordedMigration())).GetProperty("traceEvents").EnumerateArray().ToList();

        var processes = events.Where(e => e.GetProperty("name").GetString() == "process_name")
            .ToDictionary(e => e.GetProperty("pid").GetInt32(), e => e.GetProperty("args").GetProperty("name").GetString());
        Assert.Equal([Tracks.Phases, Tracks.Criu, Tracks.Transfer, "src", "dst", Tracks.Workload], processes.OrderBy(p => p.Key).Select(p => p.Value));
        var threads = events.Where(e => e.GetProperty("name").GetString() == "thread_name")
            .Select(e => e.GetProperty("args").GetProperty("name").GetString()).Distinct();
        Assert.Equal([Migration, "run"], threads.Order(StringComparer.Ordinal));
        foreach (var e in events.Where(e => e.GetProperty("ph").GetString() != "M"))
            Assert.Contains(e.GetProperty("pid").GetInt32(), processes.Keys);
    }

    [Fact]
    public async Task A_phase_step_says_in_its_args_on_which_host_it_ran()
    {
        var timeline = new MigrationTimeline(new RunClock());
        using (timeline.Step(Migration, Tracks.Phases, "checkpoint", host: "src")) { }
        using (timeline.Step(Migration, Tracks.Phases, "settle")) { }

        var events = (await WrittenAsync(timeline)).GetProperty("traceEvents").EnumerateArray().Where(e => e.GetProperty("ph").GetString() == "X").ToList();

        var args = events.ToDictionary(e => e.GetProperty("name").GetString()!, e => e.GetProperty("args"));
        Assert.Equal("src", args["checkpoint"].GetProperty("host").GetString());
        Assert.False(args["settle"].TryGetProperty("host", out _), "a step that runs on both hosts names none");
        Assert.Equal(Migration, args["settle"].GetProperty("migration").GetString());
    }

    [Fact]
    public void Criu_phases_end_where_the_harness_saw_the_checkpoint_and_the_restore_end()
    {
        var spans = RecordedMigration().Spans;
        TimelineSpan Criu(string name) => spans.Single(s => s.Track == Tracks.Criu && s.Name == name);

        Assert.Equal(41_000, Criu("frozen").EndUs, 3);
        Assert.Equal(Criu("frozen").StartUs, Criu("freezing").EndUs, 3);
        Assert.Equal(Criu("frozen").StartUs, Criu("memdump").StartUs, 3);
        Assert.Equal(171_000, Criu("restore").EndUs, 3);
        Assert.Equal(Criu("restore").StartUs, Criu("forking").StartUs, 3);
        var stopped = spans.Single(s => s.Name == "stopped");
        Assert.Equal((1_000, 171_000), (stopped.StartUs, stopped.EndUs));
        Assert.Equal([("pack", 41_000.0), ("copy", 46_000.0)], spans.Where(s => s.Track == Tracks.Transfer).Select(s => (s.Name, s.StartUs)));
        var seam = spans.Where(s => s.Track == Tracks.Workload).ToList();
        Assert.All(seam, s => Assert.True(s.Instant));
        Assert.Equal(170_000, seam[1].StartUs - seam[0].StartUs, 0);
    }

    [Fact]
    public async Task A_recording_host_puts_each_command_and_its_spawn_on_its_track_and_the_current_migration()
    {
        var timeline = new MigrationTimeline(new RunClock());
        var host = new RecordingHost(new FakeHost("src", "198.18.0.1", new SpawningRunner()), timeline);

        using (timeline.Within(Migration))
            await host.RunAsync(Command.Of("criu", "dump", "--tree", "42"));
        await host.RunAsync(Command.Of("stat", "-c", "%s", "/x"));

        Assert.Equal([(Migration, "src", "spawn", "spawn"), (Migration, "src", "criu dump", "command"), ("", "src", "stat", "command")],
            timeline.Spans.Select(s => (s.Migration, s.Track, s.Name, s.Category)).OrderBy(s => s.Item1 == "" ? 1 : 0).ThenBy(s => s.Item4 == "spawn" ? 0 : 1));
    }

    [Fact]
    public void A_command_is_named_by_its_program_and_verb()
    {
        Assert.Equal("docker checkpoint", RecordingHost.SpanName(Command.Of("/usr/bin/docker", "--host", "unix:///d.sock", "checkpoint", "create", "c1", "cp")));
        Assert.Equal("runc restore", RecordingHost.SpanName(Command.Of("runc", "--root", "/r", "restore", "--detach", "c1")));
        Assert.Equal("tar", RecordingHost.SpanName(Command.Of("tar", "-C", "/d", "-cf", "/a.tar", "images")));
    }

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
