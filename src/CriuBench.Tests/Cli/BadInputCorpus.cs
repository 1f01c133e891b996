using System.Collections.Concurrent;
using System.Text;
using CriuBench.Hosts;
using CliWrap;

namespace CriuBench.Tests.Cli;

/// <summary>
/// Runs every case of the bad-input corpus through the real `criubench` once, several at a time,
/// and keeps what each left: exit code, output, and its results root afterwards. Each case gets its
/// own results root, seeded with a previous run that 'latest' points at.
/// </summary>
internal static class BadInputCorpus
{
    public const string LabName = "icorp";
    public const string PreviousRun = "20260101-000000-previous";

    public sealed record Case(string Name, IReadOnlyList<string> Arguments, string Expected);

    public sealed record Outcome(int ExitCode, string Stdout, string Stderr, IReadOnlyList<string> ResultsRootAfter, string? LatestTarget);

    public static string DataDirectory => Path.Combine(AppContext.BaseDirectory, "TestData");

    public static string SuiteDirectory => Path.Combine(DataDirectory, "bad-input");

    private static readonly string Root = CreateRoot();

    /// <summary>
    /// One directory per test process, named by its PID. The test host is killed when a run ends (no
    /// exit handler runs), so each run removes what earlier runs left: directories of PIDs gone.
    /// </summary>
    private static string CreateRoot()
    {
        const string prefix = "criubench-corpus-";
        foreach (var left in Directory.GetDirectories(Path.GetTempPath(), prefix + "*"))
            if (int.TryParse(Path.GetFileName(left)[prefix.Length..], out var pid) && !Directory.Exists($"/proc/{pid}"))
                Directory.Delete(left, recursive: true);
        var root = Path.Combine(Path.GetTempPath(), prefix + Environment.ProcessId);
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true); // a reused PID's leftovers
        Directory.CreateDirectory(root);
        return root;
    }

    private static readonly Lazy<Task<IReadOnlyDictionary<string, Outcome>>> Outcomes = new(RunAllAsync);

    public static async Task<Outcome> OutcomeOfAsync(string name) => (await Outcomes.Value)[name];

    public static string ResultsRootOf(string name) => Path.Combine(Root, name, "results");

    public static string ScratchOf(string name) => Path.Combine(Root, name, "scratch");

    /// <summary>Suite files: the first line says "# expect: FRAGMENT" of the message.</summary>
    public static IEnumerable<Case> SuiteCases() =>
        Directory.GetFiles(SuiteDirectory, "*.yaml").Order(StringComparer.Ordinal).Select(file =>
        {
            var name = Path.GetFileNameWithoutExtension(file);
            var expected = File.ReadLines(file).First().Replace("# expect: ", "", StringComparison.Ordinal);
            return new Case(name, ["run", "--suite", file, "--out", ResultsRootOf(name), "--lab", LabName], expected);
        });

    public static IEnumerable<Case> CommandLineCases() => CommandLines.All();

    public static IEnumerable<Case> AllCases() => SuiteCases().Concat(CommandLineCases());

    private static async Task<IReadOnlyDictionary<string, Outcome>> RunAllAsync()
    {
        var cases = AllCases().ToList();
        foreach (var c in cases) Seed(c.Name);
        CommandLines.PrepareScratch();
        var outcomes = new ConcurrentDictionary<string, Outcome>();
        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (c, ct) =>
            outcomes[c.Name] = await RunAsync(c, ct));
        return outcomes;
    }

    private static void Seed(string name)
    {
        var results = ResultsRootOf(name);
        Directory.CreateDirectory(Path.Combine(results, PreviousRun));
        File.CreateSymbolicLink(Path.Combine(results, "latest"), PreviousRun);
        Directory.CreateDirectory(ScratchOf(name));
    }

    private static async Task<Outcome> RunAsync(Case c, CancellationToken ct)
    {
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        var run = CliWrap.Cli.Wrap("dotnet")
            .WithArguments([Path.Combine(AppContext.BaseDirectory, "criubench.dll"), .. c.Arguments])
            .WithWorkingDirectory(ScratchOf(c.Name))
            .WithEnvironmentVariables(variables => variables.Set("CRIUBENCH_WORKLOADS", WorkloadAssets.Directory))
            .WithStandardOutputPipe(PipeTarget.ToStringBuilder(stdout))
            .WithStandardErrorPipe(PipeTarget.ToStringBuilder(stderr))
            .WithValidation(CommandResultValidation.None);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(TimeSpan.FromSeconds(60));
        int exitCode;
        try
        {
            exitCode = (await run.ExecuteAsync(limit.Token)).ExitCode; // the limit kills the whole tree
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new Outcome(-1, stdout.ToString(), "did not finish within 60 s: " + stderr, [], null);
        }
        var results = ResultsRootOf(c.Name);
        var after = Directory.EnumerateFileSystemEntries(results).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        return new Outcome(exitCode, stdout.ToString(), stderr.ToString(), after!, new FileInfo(Path.Combine(results, "latest")).LinkTarget);
    }
}
