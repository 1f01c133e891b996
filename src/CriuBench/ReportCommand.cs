using System.CommandLine;
using CriuBench.Execution;
using CriuBench.Reporting;
using Command = System.CommandLine.Command;

namespace CriuBench.Cli;

/// <summary>`report DIR`: regenerates summaries, the comparison report and charts from a run's CSV files alone.</summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var directory = new Argument<DirectoryInfo>("run-directory") { Description = "a run directory, e.g. results/latest" };
        var command = new Command("report", "regenerate summary.csv, summary.md, report.md, report.html and the charts from a run's CSV files") { directory };
        command.SetAction((parse, ct) => CliErrors.GuardAsync(async () =>
        {
            var run = parse.GetValue(directory)!.FullName;
            if (!File.Exists(Path.Combine(run, RunFiles.Migrations)))
                throw new IOException($"{run} has no {RunFiles.Migrations}: give a run directory such as results/latest");
            var (records, environment) = await ReportWriter.LoadAsync(run, ct);
            await new ReportWriter(ProcessRunner.Instance).WriteAsync(run, records, environment, ct);
            Console.WriteLine($"regenerated the report of {records.Count} migrations in {run}");
        }));
        return command;
    }
}
