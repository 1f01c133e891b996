using System.Text.RegularExpressions;
using CliWrap;
using CliWrap.Buffered;
using CriuBench.Execution;
using CriuBench.Tests.Support;

namespace CriuBench.Tests.Cli;

/// <summary>
/// A run killed with SIGKILL in the middle of a migration leaves its lab behind; the next run of
/// that lab says what it removed (processes by kind, namespaces, mounts) and where the images of
/// the interrupted migration are kept, instead of cleaning silently.
/// </summary>
public partial class KilledRunTests
{
    private const string LabName = "fkill";

    public static TheoryData<int> Trials => [1, 2, 3, 4, 5];

    [Theory(Timeout = 240_000)]
    [MemberData(nameof(Trials))]
    public async Task The_run_after_a_killed_one_reports_what_it_cleaned_and_where_the_interrupted_images_are(int trial)
    {
        Requires.Criu();
        using var results = new TempDirectory();
        var disk = $"/var/lib/criubench/labs/{LabName}";
        var killed = Start(results.Path, "--workloads", "memory", "--strategies", "tar", "--repetitions", "3"); // buffered: drained, so the run never blocks on a full pipe
        // Kill as soon as a checkpoint is being written (trial 1) or later into the run.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        while (ImageFiles(disk).Count < trial)
        {
            Assert.False(killed.Task.IsCompleted, "the run ended before it could be killed");
            Assert.True(DateTime.UtcNow < deadline, "no checkpoint was written within 120 s");
            await Task.Delay(10);
        }
        Assert.True(ProcessSignals.Send(killed.ProcessId, ProcessSignals.Kill)); // SIGKILL to the run alone: what it started stays behind
        await killed.Task.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.False(CriuBench.Hosts.Lab.Lab.Status(LabName).IsAbsent, "the killed run left nothing behind: the fault was not injected");

        var next = await Start(results.Path, "--workloads", "counter", "--strategies", "tar", "--repetitions", "1");
        var output = next.StandardOutput + next.StandardError;
        Assert.True(next.ExitCode == 0, output);

        Assert.Contains($"lab {LabName}: an earlier run left it behind", output);
        Assert.Matches(@"processes stopped \(.*\bsshd\b", output);
        Assert.Contains($"network namespaces cb-{LabName}-src, cb-{LabName}-dst", output);
        Assert.Contains("host mount namespaces", output);
        var rescued = Rescued().Match(output);
        Assert.True(rescued.Success, $"no images of the interrupted migration were reported:\n{output}");
        try
        {
            var keptIn = rescued.Groups[3].Value;
            foreach (var directory in rescued.Groups[2].Value.Split(", "))
            {
                var moved = keptIn + directory["/var/lib/criubench/host".Length..];
                Assert.True(Directory.GetFiles(moved, "*.img").Length > 0, $"{moved} holds no images");
            }
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(rescued.Groups[3].Value)!, recursive: true);
        }
        Assert.True(CriuBench.Hosts.Lab.Lab.Status(LabName).IsAbsent, "the second run left its lab behind");
    }

    /// <summary>The measured migrations' images: the run's warm-up migration (a throwaway counter, removed at once) is not the one to interrupt.</summary>
    private static IReadOnlyList<string> ImageFiles(string labDirectory)
    {
        try
        {
            return Directory.Exists(labDirectory)
                ? Directory.GetFiles(labDirectory, "*.img", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true })
                    .Where(file => !file.Contains($"/{CriuBench.Running.HarnessWarmUp.Instance}-", StringComparison.Ordinal)).ToList()
                : [];
        }
        catch (IOException) { return []; } // the run removes directories while we look
    }

    private static CommandTask<BufferedCommandResult> Start(string resultsRoot, params string[] arguments) =>
        CliWrap.Cli.Wrap("dotnet")
            .WithArguments([Path.Combine(AppContext.BaseDirectory, "criubench.dll"), "run", "--lab", LabName, "--out", resultsRoot, .. arguments])
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync();

    [GeneratedRegex(@"images of an interrupted or lost migration on (src|dst): (.+?); kept with \1's files in (\S+) ")]
    private static partial Regex Rescued();
}
