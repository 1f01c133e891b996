using System.CommandLine;
using CriuBench.Reporting;
using Command = System.CommandLine.Command;
using CriuBench.Reporting.Writing;

namespace CriuBench.Cli;

/// <summary>`report DIR`: regenerates summaries, the comparison report and charts from a run's CSV files alone.</summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var directory = new Argument<string>("run-directory") { Description = "a run directory, e.g. results/latest" };
        var command = new Command("report", "regenerate summary.csv, summary.md, report.md, report.html and the charts from a run's CSV files") { directory };
        command.SetAction((parse, ct) => CliErrors.GuardAsync(async () =>
        {
            var given = parse.GetValue(directory)!;
            var run = Path.GetFullPath(given.Length > 0 ? given : throw new UsageException("report needs a run directory, e.g. criubench report results/latest"));
            if (File.Exists(run)) throw new UsageException($"{given} is a file: give its run directory, e.g. results/latest");
            if (!Directory.Exists(run)) throw new UsageException($"run directory {given} does not exist: give one such as results/latest");
            foreach (var file in new[] { RunFiles.Migrations, RunFiles.Environment })
                if (!File.Exists(Path.Combine(run, file)))
                    throw new UsageException($"{given} has no {file}: give a run directory (with migrations.csv and environment.csv), e.g. results/latest");
            var (records, environment) = await ReportWriter.LoadAsync(run, ct);
            await new ReportWriter().WriteAsync(run, records, environment, ct);
            Console.WriteLine($"regenerated the report of {records.Count} migrations in {run}");
        }));
        return command;
    }
}
