using CriuBench.Execution;
using CriuBench.Measurements;
using CriuBench.Reporting;
using CriuBench.Reporting.Writing;

namespace CriuBench.Sharding;

/// <summary>
/// `merge DIR... --out DIR`: the shards of one run (<see cref="ShardCheck"/>) made into one run
/// directory laid out as if the suite had run whole on one machine: migrations.csv, refused.csv and
/// iterations.csv in the plan's cell order, the shards' outputs/ and logs/, and the report written
/// from those rows. Each shard's trace.json (its own clock) is kept as traces/shard-I-of-N.json.
/// </summary>
public sealed class RunMerger
{
    public async Task<IReadOnlyList<MigrationRecord>> MergeAsync(IReadOnlyList<ShardRun> shards, string outDirectory, string commandLine, CancellationToken ct)
    {
        ShardCheck.Check(shards);
        if (Directory.Exists(outDirectory) && Directory.EnumerateFileSystemEntries(outDirectory).Any())
            throw new RunFileException($"--out {outDirectory} is not empty: give a new directory for the merged run");
        Directory.CreateDirectory(outDirectory);

        // Every cell is wholly in one shard, so ordering by cell (stable) keeps each cell's own order.
        var records = shards.SelectMany(s => s.Records).OrderBy(r => r.Cell ?? int.MaxValue).ToList();
        var refused = shards.SelectMany(s => s.Refused).OrderBy(r => r.Cell ?? int.MaxValue).ToList();
        var cellOf = records.GroupBy(r => (r.Workload, r.Mode, r.Strategy, r.LinkRate)).ToDictionary(g => g.Key, g => g.First().Cell ?? int.MaxValue);
        var iterations = shards.SelectMany(s => s.Iterations)
            .OrderBy(i => cellOf.GetValueOrDefault((i.Workload, i.Mode, i.Strategy, i.LinkRate), int.MaxValue)).ToList();

        await MigrationsCsv.WriteAsync(Path.Combine(outDirectory, RunFiles.Migrations), records, ct);
        await RefusalsCsv.WriteAsync(Path.Combine(outDirectory, RunFiles.Refusals), refused, ct);
        await using (var writer = await IterationsCsvWriter.OpenAsync(Path.Combine(outDirectory, RunFiles.Iterations), ct))
            foreach (var iteration in iterations) await writer.AppendAsync(iteration, ct);
        await using (var writer = new ClientTimelineCsvWriter(Path.Combine(outDirectory, RunFiles.ClientTimeline)))
            await writer.AppendAsync(shards.SelectMany(s => s.ClientTimeline ?? [])
                .OrderBy(slice => cellOf.GetValueOrDefault((slice.Workload, slice.Mode, slice.Strategy, slice.LinkRate), int.MaxValue)).ToList(), ct);
        foreach (var shard in shards.OrderBy(s => s.Shard.Index))
        {
            CopyTree(Path.Combine(shard.Directory, "outputs"), Path.Combine(outDirectory, "outputs"));
            CopyTree(Path.Combine(shard.Directory, "logs"), Path.Combine(outDirectory, "logs"));
            var trace = Path.Combine(shard.Directory, RunFiles.Trace);
            if (File.Exists(trace))
            {
                Directory.CreateDirectory(Path.Combine(outDirectory, "traces"));
                File.Copy(trace, Path.Combine(outDirectory, "traces", $"shard-{shard.Shard.Index}-of-{shard.Shard.Count}.json"));
            }
        }
        var first = shards.OrderBy(s => s.Shard.Index).First().Environment;
        var environment = first with
        {
            StartedAt = shards.Min(s => s.Environment.StartedAt),
            CommandLine = commandLine,
            Shard = null,
        };
        await new ReportWriter().WriteAsync(outDirectory, records, environment, ct);
        return records;
    }

    /// <summary>Two shards never write the same file (instances are named by their cell): one that did is no shard of this run.</summary>
    private static void CopyTree(string from, string to) =>
        DirectoryTree.Copy(from, to, (file, target) =>
            new RunFileException($"{file} and {target} collide: two shards wrote the same file, so they are not shards of one run"));
}
