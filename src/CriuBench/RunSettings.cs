using System.Globalization;
using CriuBench.Hosts;
using CriuBench.Hosts.Lab;
using CriuBench.Migration;
using CriuBench.Preflight;
using CriuBench.Running;
using CriuBench.Suites;
using CriuBench.Transfer;
using CriuBench.Vocabulary;
using CriuBench.Workloads;
using CriuBench.Workloads.Catalog;
using CriuBench.Migration.Modes;

namespace CriuBench.Cli;

/// <summary>
/// What `run` was asked: the suite file adjusted by the options, and where results go. Everything
/// is checked here, before a results directory, a 'latest' link or a lab exists.
/// </summary>
internal sealed record RunSettings(Suite Suite, string ResultsRoot)
{
    public sealed record Options(
        string? SuiteFile, string[]? Workloads, string[]? Strategies, string? Repetitions,
        string[]? Bandwidth, string ResultsRoot, string? Lab, bool StopOnFailure, string? Hosts = null, string[]? Modes = null)
    {
        /// <summary>`--criu VERSION`: the CRIU build every host migrates with.</summary>
        public string? Criu { get; init; }

        /// <summary>`--shard I/N`: the share of the suite's cells to run.</summary>
        public string? Shard { get; init; }
    }

    public static RunSettings From(Options options)
    {
        var file = options.SuiteFile ?? Path.Combine(WorkloadAssets.Directory, "suites", "default.yaml");
        if (options.SuiteFile is { Length: 0 }) throw new UsageException("--suite is empty: give a suite file, e.g. --suite workloads/suites/default.yaml");
        var loaded = SuiteLoader.Load(file);

        var rates = OptionList.Parse("--bandwidth", options.Bandwidth, "100mbit,1gbit")?.Select(ParseRate).ToList();
        if (rates?.DistinctBy(rate => rate.BitsPerSecond).Count() < rates?.Count) throw new UsageException("--bandwidth lists the same rate twice (e.g. 1gbit and 1000mbit): give each once");
        var workloads = OptionList.Parse("--workloads", options.Workloads, "counter,timestamps")?.Select(name => Workload(name, loaded)).ToList()
            ?? loaded.Workloads.ToList();
        var strategies = OptionList.Parse("--strategies", options.Strategies, "tar,shared")?.Select(name => Resolve("--strategies", name, TransferStrategies.Resolve)).ToList();
        var modes = OptionList.Parse("--modes", options.Modes, "cold")?.Select(name => Resolve("--modes", name, MigrationModes.Resolve)).ToList();
        if (options.Hosts is { Length: 0 }) throw new UsageException("--hosts is empty: give lab (the default) or another host provider");
        if (ResultsRootCheck.Problem(options.ResultsRoot) is { } outProblem) throw new UsageException(outProblem);

        var suite = loaded with
        {
            // --bandwidth replaces every rate, also those a suite gave single workloads.
            Workloads = rates is not null ? workloads.Select(w => w with { LinkRates = null }).ToList() : workloads,
            Strategies = strategies ?? loaded.Strategies,
            Repetitions = options.Repetitions is { } text ? Repetitions(text) : loaded.Repetitions,
            LinkRates = rates ?? loaded.LinkRates,
            LabName = options.Lab is { } lab ? LabName(lab) : loaded.LabName,
            StopOnFailure = options.StopOnFailure || loaded.StopOnFailure,
            Hosts = options.Hosts ?? loaded.Hosts,
            Modes = modes ?? loaded.Modes,
            CriuBuild = options.Criu is { } criu ? Build(criu) : loaded.CriuBuild,
            Shard = options.Shard is { } shard ? ParseShard(shard) : loaded.Shard,
        };
        return new RunSettings(suite, Path.GetFullPath(options.ResultsRoot));
    }

    /// <summary>A workload of the suite by its name, or else a built-in one.</summary>
    private static WorkloadSpec Workload(string name, Suite suite)
    {
        if (suite.Workloads.FirstOrDefault(w => w.Name == name) is { } fromSuite) return fromSuite;
        if (BuiltinWorkloads.Names.Contains(name)) return BuiltinWorkloads.ByName(name);
        throw new UsageException($"--workloads: unknown workload '{name}': the suite has {string.Join(", ", suite.Workloads.Select(w => w.Name))}; built-in ones are {string.Join(", ", BuiltinWorkloads.Names)}");
    }

    /// <summary>A name resolved once, here; an unknown one is refused with the names there are.</summary>
    private static TKind Resolve<TKind>(string option, string name, Func<string, TKind> resolve)
    {
        try { return resolve(name); }
        catch (UnknownNameException e) { throw new UsageException($"{option}: {e.Message}"); }
    }

    private static Shard ParseShard(string text)
    {
        try { return Shard.Parse(text); }
        catch (FormatException e) { throw new UsageException($"--shard: {e.Message}"); }
    }

    private static CriuBuild Build(string text)
    {
        try { return CriuBuild.Parse(text); }
        catch (FormatException e) { throw new UsageException($"--criu: {e.Message} (builds are installed by scripts/build-criu.sh VERSION under {CriuBuild.Root})"); }
    }

    private static LinkRate ParseRate(string text)
    {
        try { return LinkRate.Parse(text); }
        catch (FormatException e) { throw new UsageException($"--bandwidth: {e.Message}"); }
    }

    private static int Repetitions(string text) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= SuiteLoader.MaxRepetitions
            ? n
            : throw new UsageException($"--repetitions '{text}' must be a whole number from 1 to {SuiteLoader.MaxRepetitions}, e.g. --repetitions 10");

    private static string LabName(string name)
    {
        try { return LabLayout.For(name).Name; }
        catch (ArgumentException e) { throw new UsageException($"--lab: {e.Message}, e.g. --lab cb2"); }
    }
}
