namespace CriuBench.Tests.Cli;

/// <summary>
/// Bad input of every kind, through the real `criubench`: refused with exit code 2 and one line
/// that names the file and line or the option and what to write instead, no stack trace, no
/// results directory, 'latest' untouched, and no lab left behind.
/// </summary>
public class BadInputCorpusTests
{
    public static TheoryData<string, string> Cases
    {
        get
        {
            var cases = new TheoryData<string, string>();
            foreach (var c in BadInputCorpus.AllCases()) cases.Add(c.Name, c.Expected);
            return cases;
        }
    }

    [Fact]
    public void The_corpus_holds_at_least_forty_suite_files_and_forty_command_lines()
    {
        Assert.True(BadInputCorpus.SuiteCases().Count() >= 40, $"{BadInputCorpus.SuiteCases().Count()} suite files");
        Assert.True(BadInputCorpus.CommandLineCases().Count() >= 40, $"{BadInputCorpus.CommandLineCases().Count()} command lines");
        Assert.All(BadInputCorpus.SuiteCases(), c => Assert.False(c.Expected.StartsWith('#'), $"{c.Name} has no '# expect:' first line"));
        Assert.Equal(BadInputCorpus.AllCases().Count(), BadInputCorpus.AllCases().Select(c => c.Name).Distinct().Count());
    }

    [Theory(Timeout = 180_000)]
    [MemberData(nameof(Cases))]
    public async Task Bad_input_is_refused_with_exit_code_2_and_a_message_that_says_what_to_fix_before_anything_is_created(string name, string expected)
    {
        var outcome = await BadInputCorpus.OutcomeOfAsync(name);
        var everything = outcome.Stdout + outcome.Stderr;

        Assert.True(outcome.ExitCode == 2, $"exit code {outcome.ExitCode}; stderr: {outcome.Stderr}");
        Assert.Contains(expected, outcome.Stderr);
        var lines = outcome.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines is [var only] && only.StartsWith("error: ", StringComparison.Ordinal), $"not one error line: {outcome.Stderr}");
        Assert.DoesNotContain("   at ", everything);
        Assert.DoesNotContain("Exception", everything);
        Assert.DoesNotContain("System.", everything);
        Assert.Equal(["20260101-000000-previous", "latest"], outcome.ResultsRootAfter);
        Assert.Equal(BadInputCorpus.PreviousRun, outcome.LatestTarget);
        var lab = CriuBench.Hosts.Lab.Lab.Status(BadInputCorpus.LabName);
        Assert.True(lab.IsAbsent, $"left behind: {lab}");
    }
}
