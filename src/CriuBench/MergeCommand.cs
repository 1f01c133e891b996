using System.CommandLine;
using CriuBench.Execution;
using CriuBench.Sharding;
using Command = System.CommandLine.Command;

namespace CriuBench.Cli;

/// <summary>`merge DIR... --out DIR`: the shards of one run (run --shard I/N) made into one run directory, with its report.</summary>
internal static class MergeCommand
{
    public static Command Create()
    {
        var directories = new Argument<string[]>("shard-directories") { Description = "the run directories of every shard, e.g. results/shard-1 results/shard-2", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--out") { Description = "the merged run's directory (new, or empty)", Required = true };
        var command = new Command("merge", "make one run of the shards' run directories (same suite, every shard once, no cell twice) and write its report")
        {
            directories, output,
        };
        command.SetAction((parse, ct) => CliErrors.GuardAsync(async () =>
        {
            var given = parse.GetValue(directories)!;
            var target = parse.GetValue(output)!;
            if (target.Length == 0) throw new UsageException("--out is empty: give a new directory for the merged run");
            var shards = new List<ShardRun>();
            foreach (var directory in given) shards.Add(await ShardRun.LoadAsync(directory, ct));
            var records = await new RunMerger().MergeAsync(shards, Path.GetFullPath(target),
                string.Join(' ', Environment.GetCommandLineArgs().Skip(1)), ct);
            Console.WriteLine($"merged {shards.Count} shard(s), {records.Count} migrations, {records.Count(r => !r.Succeeded)} failed, into {target}");
        }));
        return command;
    }
}
