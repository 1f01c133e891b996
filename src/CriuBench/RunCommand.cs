using System.CommandLine;
using CriuBench.Execution;
using CriuBench.Reporting;
using CriuBench.Reporting.Writing;
using CriuBench.Running;
using Command = System.CommandLine.Command;

namespace CriuBench.Cli;

/// <summary>`run`: a suite file (workloads/suites/default.yaml unless --suite), adjusted by flags.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        // Values are read as text and checked by RunSettings, so every mistake gets a message that names the option.
        var suite = new Option<string?>("--suite") { Description = "suite file (YAML); default: workloads/suites/default.yaml" };
        var workloads = new Option<string[]>("--workloads") { Description = "workloads to run instead of all of the suite's (its own or built-in), e.g. counter,timestamps", AllowMultipleArgumentsPerToken = true };
        var strategies = new Option<string[]>("--strategies") { Description = $"transfer strategies, e.g. tar,sshfs; every one: {CatalogHelp.StrategyList}", AllowMultipleArgumentsPerToken = true };
        var repetitions = new Option<string?>("--repetitions") { Description = "migrations per workload and strategy, 1 to 1000 (default 5)" };
        var bandwidth = new Option<string[]>("--bandwidth") { Description = "lab link rate(s), e.g. 1gbit or 100mbit,1gbit,unlimited", AllowMultipleArgumentsPerToken = true };
        var output = new Option<string>("--out") { Description = "results root; the run goes to <out>/<run id>", DefaultValueFactory = _ => CliDefaults.ResultsDirectory };
        var lab = new Option<string?>("--lab") { Description = "lab name (default cb); a lab of this name is recreated" };
        var stopOnFailure = new Option<bool>("--stop-on-failure") { Description = "stop at the first failed migration" };
        var hosts = new Option<string?>("--hosts") { Description = "where the hosts are: lab (default, the embedded netns lab), vm (a two-VM QEMU lab), or a hosts file (YAML)" };
        var modes = new Option<string[]>("--modes") { Description = $"migration modes, e.g. cold,postcopy; every one: {CatalogHelp.ModeList}", AllowMultipleArgumentsPerToken = true };
        var dryRun = new Option<bool>("--dry-run") { Description = "bring the hosts up and probe them, print the planned cells, the refused ones with why, and an estimate of the time; migrate nothing" };
        var criu = new Option<string?>("--criu") { Description = "CRIU build to migrate with on every host, e.g. 4.1.1 (installed by scripts/build-criu.sh VERSION as /usr/local/lib/criubench/criu/VERSION/criu); default: the hosts' criu" };
        var shard = new Option<string?>("--shard") { Description = "run shard I of N of the suite's cells, e.g. 1/2 (every cell runs in exactly one shard; criubench merge joins them)" };

        var command = new Command("run", "run a suite of migrations between two hosts (--hosts: the embedded netns lab, two VMs or your own machines) and write results/<run id>/")
        {
            suite, workloads, strategies, repetitions, bandwidth, output, lab, stopOnFailure, hosts, modes, dryRun, criu, shard,
        };
        command.SetAction((parse, ct) => CliErrors.GuardAsync(async () =>
        {
            var settings = RunSettings.From(new RunSettings.Options(
                parse.GetValue(suite), Given(parse, workloads), Given(parse, strategies), parse.GetValue(repetitions),
                Given(parse, bandwidth), parse.GetValue(output)!, parse.GetValue(lab), parse.GetValue(stopOnFailure),
                parse.GetValue(hosts), Given(parse, modes)) { Criu = parse.GetValue(criu), Shard = parse.GetValue(shard) });
            Preconditions.RequireRoot();
            if (parse.GetValue(dryRun))
            {
                await DryRun.RunAsync(settings.Suite, settings.ResultsRoot, ct);
                return;
            }
            var outcome = await new SuiteRunner(ProcessRunner.Instance, ConsoleLog.Instance)
                .RunAsync(settings.Suite, settings.ResultsRoot, string.Join(' ', Environment.GetCommandLineArgs().Skip(1)), ct);
            var failed = outcome.Records.Count(r => !r.Succeeded);
            Console.WriteLine();
            Console.Write(await ReportWriter.HeadlineAsync(outcome.RunDirectory, outcome.Records, ct));
            Console.WriteLine();
            Console.WriteLine($"{outcome.Records.Count} migrations, {failed} failed. Results: {outcome.RunDirectory}");
            Console.WriteLine($"  report: {Path.Combine(outcome.RunDirectory, RunFiles.ReportHtml)}");
            if (failed > 0) throw new InvalidOperationException($"{failed} migration(s) failed; reasons are in migrations.csv and logs/");
            if (outcome.OutputProblems.Count > 0)
                throw new InvalidOperationException($"the whole output of {outcome.OutputProblems.Count} cell(s) did not hold: {outcome.OutputProblems[0]}; outputs are in {Path.Combine(outcome.RunDirectory, "outputs")}");
        }));
        return command;
    }

    /// <summary>The option's values when it was given on the command line (even as ""), null when it was not.</summary>
    private static string[]? Given(ParseResult parse, Option<string[]> option) =>
        parse.GetResult(option) is { Implicit: false } ? parse.GetValue(option) ?? [] : null;
}
