using System.CommandLine;
using CriuBench.Execution;
using CriuBench.Lab;
using CriuBench.Running;
using CriuBench.Suites;
using CriuBench.Workloads;
using Command = System.CommandLine.Command;

namespace CriuBench.Cli;

/// <summary>`run`: a suite file (workloads/suites/default.yaml unless --suite), adjusted by flags.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var suite = new Option<FileInfo?>("--suite") { Description = "suite file (YAML); default: workloads/suites/default.yaml" };
        var workloads = new Option<string[]>("--workloads") { Description = "built-in workloads to run instead of the suite's, e.g. counter,timestamps", AllowMultipleArgumentsPerToken = true };
        var strategies = new Option<string[]>("--strategies") { Description = "transfer strategies, e.g. tar,sshfs,nfs (shared is sshfs)", AllowMultipleArgumentsPerToken = true };
        var repetitions = new Option<int?>("--repetitions") { Description = "migrations per workload and strategy (default 5)" };
        var bandwidth = new Option<string[]>("--bandwidth") { Description = "lab link rate(s), e.g. 1gbit or 100mbit,1gbit,unlimited", AllowMultipleArgumentsPerToken = true };
        var output = new Option<DirectoryInfo>("--out") { Description = "results root; the run goes to <out>/<run id>", DefaultValueFactory = _ => new DirectoryInfo(CliDefaults.ResultsDirectory) };
        var lab = new Option<string?>("--lab") { Description = "lab name (default cb); a lab of this name is recreated" };
        var stopOnFailure = new Option<bool>("--stop-on-failure") { Description = "stop at the first failed migration" };
        var hosts = new Option<string?>("--hosts") { Description = "where the hosts are: lab (default, the embedded netns lab), vm (a two-VM QEMU lab), or a hosts file (YAML)" };
        var modes = new Option<string[]>("--modes") { Description = "migration modes, e.g. cold,postcopy", AllowMultipleArgumentsPerToken = true };

        var command = new Command("run", "run a suite of migrations on the embedded lab and write results/<run id>/")
        {
            suite, workloads, strategies, repetitions, bandwidth, output, lab, stopOnFailure, hosts, modes,
        };
        command.SetAction((parse, ct) => CliErrors.GuardAsync(async () =>
        {
            var file = parse.GetValue(suite)?.FullName ?? Path.Combine(WorkloadAssets.Directory, "suites", "default.yaml");
            var loaded = SuiteLoader.Load(file);
            var rateOverride = Split(parse.GetValue(bandwidth)).Select(LinkRate.Parse).ToList();
            var chosenWorkloads = Split(parse.GetValue(workloads)) is { Count: > 0 } names ? names.Select(BuiltinWorkloads.ByName).ToList() : loaded.Workloads;
            var effective = loaded with
            {
                // --bandwidth replaces every rate, also those a suite gave single workloads.
                Workloads = rateOverride.Count > 0 ? chosenWorkloads.Select(w => w with { LinkRates = null }).ToList() : chosenWorkloads,
                Strategies = Split(parse.GetValue(strategies)) is { Count: > 0 } chosen ? Validated(chosen) : loaded.Strategies,
                Repetitions = parse.GetValue(repetitions) is { } n ? Positive(n) : loaded.Repetitions,
                LinkRates = rateOverride.Count > 0 ? rateOverride : loaded.LinkRates,
                LabName = parse.GetValue(lab) ?? loaded.LabName,
                StopOnFailure = parse.GetValue(stopOnFailure) || loaded.StopOnFailure,
                Hosts = parse.GetValue(hosts) ?? loaded.Hosts,
                Modes = Split(parse.GetValue(modes)) is { Count: > 0 } chosenModes ? ValidatedModes(chosenModes) : loaded.Modes,
            };
            Preconditions.RequireRoot();
            var outcome = await new SuiteRunner(ProcessRunner.Instance, ConsoleLog.Instance)
                .RunAsync(effective, parse.GetValue(output)!.FullName, string.Join(' ', Environment.GetCommandLineArgs().Skip(1)), ct);
            var failed = outcome.Records.Count(r => !r.Succeeded);
            Console.WriteLine($"{outcome.Records.Count} migrations, {failed} failed. Results: {outcome.RunDirectory}");
            Console.WriteLine($"  summary: {Path.Combine(outcome.RunDirectory, "summary.md")}");
            if (failed > 0) throw new InvalidOperationException($"{failed} migration(s) failed; reasons are in migrations.csv and logs/");
        }));
        return command;
    }

    /// <summary>Accepts both "--x a,b" and "--x a b" and "--x a --x b".</summary>
    private static List<string> Split(string[]? values) =>
        (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();

    private static List<string> Validated(List<string> strategies)
    {
        foreach (var name in strategies) Transfer.TransferStrategies.Create(name);
        return strategies;
    }

    private static List<string> ValidatedModes(List<string> modes)
    {
        foreach (var name in modes) Migration.MigrationModes.Create(name);
        return modes;
    }

    private static int Positive(int n) => n >= 1 ? n : throw new ArgumentException("--repetitions must be at least 1");
}
