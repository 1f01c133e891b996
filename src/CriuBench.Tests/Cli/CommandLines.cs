using CriuBench.Hosts;
using CriuBench.Reporting;
using static CriuBench.Tests.Cli.BadInputCorpus;

namespace CriuBench.Tests.Cli;

/// <summary>The command-line half of the bad-input corpus: options and run directories as a new user would get them wrong.</summary>
internal static class CommandLines
{
    private static string Valid => Path.Combine(DataDirectory, "cli", "valid.yaml");

    /// <summary>`run` on a valid suite with <paramref name="options"/>; --out and --lab are added unless the case gives its own.</summary>
    private static Case Run(string name, string expected, params string[] options) =>
        new(name, ["run", "--suite", Valid,
            .. options.Contains("--out") ? Array.Empty<string>() : ["--out", ResultsRootOf(name)],
            .. options.Contains("--lab") ? Array.Empty<string>() : ["--lab", LabName],
            .. options], expected);

    private static Case Bare(string name, string expected, params string[] arguments) => new(name, arguments, expected);

    public static IEnumerable<Case> All() =>
    [
        Bare("cli-suite-is-a-directory", "is a directory, not a file: give a suite file, e.g.", "run", "--suite", SuiteDirectory, "--out", ResultsRootOf("cli-suite-is-a-directory")),
        Bare("cli-suite-missing", "suite file /nonexistent/criubench.yaml does not exist", "run", "--suite", "/nonexistent/criubench.yaml", "--out", ResultsRootOf("cli-suite-missing")),
        Bare("cli-suite-empty", "--suite is empty: give a suite file", "run", "--suite", "", "--out", ResultsRootOf("cli-suite-empty")),
        Bare("cli-suite-without-value", "--suite needs a value after it", "run", "--out", ResultsRootOf("cli-suite-without-value"), "--suite"),
        Run("cli-repetitions-text", "--repetitions 'abc' must be a whole number from 1 to 1000", "--repetitions", "abc"),
        Run("cli-repetitions-zero", "--repetitions '0' must be a whole number from 1 to 1000", "--repetitions", "0"),
        Run("cli-repetitions-huge", "--repetitions '1000000000' must be a whole number from 1 to 1000", "--repetitions", "1000000000"),
        Run("cli-workloads-empty", "--workloads is empty: give at least one", "--workloads", ""),
        Run("cli-workloads-empty-item", "--workloads 'counter,,timestamps' has an empty item", "--workloads", "counter,,timestamps"),
        Run("cli-workloads-unknown", "--workloads: unknown workload 'countr'", "--workloads", "countr"),
        Run("cli-workloads-twice", "--workloads lists 'counter' twice", "--workloads", "counter", "--workloads", "counter"),
        Run("cli-strategies-empty-item", "--strategies 'tar,,tar' has an empty item", "--strategies", "tar,,tar"),
        Run("cli-strategies-twice", "--strategies lists 'tar' twice", "--strategies", "tar,shared,tar"),
        Run("cli-strategies-unknown", "--strategies: unknown strategy 'ftp'", "--strategies", "ftp"),
        Run("cli-strategies-empty", "--strategies is empty", "--strategies", " "),
        Run("cli-bandwidth-not-a-rate", "--bandwidth: 'fast' is not a link rate", "--bandwidth", "fast"),
        Run("cli-bandwidth-twice", "--bandwidth lists '1gbit' twice", "--bandwidth", "1gbit,1gbit"),
        Run("cli-bandwidth-same-rate-twice", "--bandwidth lists the same rate twice", "--bandwidth", "1gbit,1000mbit"),
        Run("cli-bandwidth-too-slow", "below 8kbit", "--bandwidth", "1bit"),
        Run("cli-lab-uppercase", "--lab: lab name 'BAD' must be 1-8 lowercase letters", "--lab", "BAD"),
        Run("cli-lab-traversal", "--lab: lab name '../x'", "--lab", "../x"),
        Run("cli-lab-too-long", "--lab: lab name 'labnameistoolong'", "--lab", "labnameistoolong"),
        Run("cli-out-in-proc", "--out /proc/criubench cannot be created: /proc is not writable", "--out", "/proc/criubench"),
        Run("cli-out-is-a-file", "--out /etc/passwd is a file, not a directory", "--out", "/etc/passwd"),
        Run("cli-out-latest-is-a-directory", "latest is a real directory, but a run replaces 'latest'", "--out", Path.Combine(ScratchOf("cli-out-latest-is-a-directory"), "results")),
        Run("cli-option-twice", "--repetitions is given 2 times: give it once", "--repetitions", "3", "--repetitions", "4"),
        Run("cli-unknown-argument", "'extra' is not an option or command here; see criubench run --help", "extra"),
        Run("cli-unknown-option", "'--repeat' is not an option or command here", "--repeat", "3"),
        Run("cli-stop-on-failure-value", "'sometimes' is not an option or command here", "--stop-on-failure", "sometimes"),
        Bare("cli-no-command", "give a command: run, report, lab or doctor"),
        Bare("cli-unknown-command", "'frobnicate' is not an option or command here", "frobnicate"),
        Bare("cli-doctor-bad-lab", "--lab: lab name 'BAD' must be 1-8 lowercase letters", "doctor", "--lab", "BAD"),
        Bare("cli-doctor-empty-hosts", "--hosts is empty: give lab (the default), vm or a hosts file", "doctor", "--hosts", ""),
        Bare("cli-doctor-unknown-hosts", "--hosts 'nowhere' is not one of lab, vm, nor a hosts file", "doctor", "--hosts", "nowhere"),
        Bare("cli-doctor-missing-hosts-file", "--hosts: hosts file /nonexistent/hosts.yaml does not exist", "doctor", "--hosts", "/nonexistent/hosts.yaml"),
        Bare("cli-lab-up-bad-name", "--name: lab name 'X' must be 1-8 lowercase letters", "lab", "up", "--name", "X"),
        Bare("cli-lab-status-traversal", "--name: lab name '../cb'", "lab", "status", "--name", "../cb"),
        Bare("cli-lab-up-bad-bandwidth", "--bandwidth: 'fast' is not a link rate", "lab", "up", "--name", LabName, "--bandwidth", "fast"),
        Bare("cli-report-without-directory", "'report' needs an argument, e.g. criubench report results/latest", "report"),
        Bare("cli-report-missing-directory", "run directory /nonexistent/criubench-run does not exist", "report", "/nonexistent/criubench-run"),
        Bare("cli-report-file", "is a file: give its run directory", "report", "/etc/passwd"),
        Bare("cli-report-empty-directory", "has no migrations.csv", "report", Report("cli-report-empty-directory")),
        Bare("cli-report-malformed-value", "migrations.csv:3 (column repetition): The input string 'abc'", "report", Report("cli-report-malformed-value")),
        Bare("cli-report-truncated", "the last line is cut off (no line end): the file is truncated", "report", Report("cli-report-truncated")),
        Bare("cli-report-stray-quote", "a quote inside an unquoted field", "report", Report("cli-report-stray-quote")),
        Bare("cli-report-missing-column", "migrations.csv", "report", Report("cli-report-missing-column")),
        Bare("cli-report-no-environment", "has no environment.csv", "report", Report("cli-report-no-environment")),
        Bare("cli-report-environment-bad-number", "environment.csv: the 'cores' row holds 'many'", "report", Report("cli-report-environment-bad-number")),
        Bare("cli-report-environment-missing-row", "environment.csv: no 'runc_version' row", "report", Report("cli-report-environment-missing-row")),
        Bare("cli-report-empty-migrations", "migrations.csv is empty", "report", Report("cli-report-empty-migrations")),
    ];

    private static string Report(string name) => Path.Combine(ScratchOf(name), "run");

    /// <summary>Makes the damaged run directories and the other files the cases above point at.</summary>
    public static void PrepareScratch()
    {
        Directory.CreateDirectory(Path.Combine(ScratchOf("cli-out-latest-is-a-directory"), "results", "latest"));
        var sample = Path.Combine(WorkloadAssets.Directory, "..", "results", "sample");
        var migrations = File.ReadAllLines(Path.Combine(sample, RunFiles.Migrations));
        var environment = File.ReadAllLines(Path.Combine(sample, RunFiles.Environment));

        void Write(string name, string[]? rows, string[]? env)
        {
            var run = Report(name);
            Directory.CreateDirectory(run);
            if (rows is not null) File.WriteAllText(Path.Combine(run, RunFiles.Migrations), string.Join('\n', rows) + (rows.Length > 0 ? "\n" : ""));
            if (env is not null) File.WriteAllText(Path.Combine(run, RunFiles.Environment), string.Join('\n', env) + "\n");
        }

        Write("cli-report-empty-directory", null, null);
        Write("cli-report-malformed-value", [.. migrations.Take(2), ReplaceField(migrations[2], 1, "abc"), .. migrations.Skip(3)], environment);
        Write("cli-report-stray-quote", [.. migrations, "garbage\"quote,,"], environment);
        Write("cli-report-missing-column", [.. migrations.Take(3), string.Join(',', migrations[3].Split(',').SkipLast(5))], environment);
        Write("cli-report-no-environment", migrations, null);
        Write("cli-report-environment-bad-number", migrations, [.. environment.Select(line => line.StartsWith("cores,", StringComparison.Ordinal) ? "cores,many" : line)]);
        Write("cli-report-environment-missing-row", migrations, [.. environment.Where(line => !line.StartsWith("runc_version,", StringComparison.Ordinal))]);
        Write("cli-report-empty-migrations", [], environment);
        // Cut in the middle of a row, as a crash while appending leaves it.
        var run = Report("cli-report-truncated");
        Directory.CreateDirectory(run);
        var whole = string.Join('\n', migrations) + "\n";
        File.WriteAllText(Path.Combine(run, RunFiles.Migrations), whole[..(whole.Length - 40)]);
        File.WriteAllText(Path.Combine(run, RunFiles.Environment), string.Join('\n', environment) + "\n");
    }

    private static string ReplaceField(string row, int index, string value)
    {
        var fields = row.Split(',');
        fields[index] = value;
        return string.Join(',', fields);
    }
}
