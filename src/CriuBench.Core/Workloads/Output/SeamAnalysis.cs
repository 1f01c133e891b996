using System.Diagnostics.CodeAnalysis;

namespace CriuBench.Workloads.Output;

/// <summary>Why a seam could not be read (yet): the caller polls again on <see cref="SeamProblem.NoLineAfter"/>.</summary>
public enum SeamProblem
{
    None,
    /// <summary>No well-formed complete line before the seam in the window.</summary>
    NoLineBefore,
    /// <summary>No well-formed complete line after the seam yet: the restored workload has not printed.</summary>
    NoLineAfter,
    /// <summary>The byte before the seam is not '\n': the file changed, or the offsets are wrong.</summary>
    SeamNotAtLineBoundary,
}

/// <summary>The outcome of <see cref="SeamAnalyzer.Analyze"/>: a report, or a problem with a readable message.</summary>
public sealed class SeamAnalysis
{
    private SeamAnalysis(SeamReport? report, SeamProblem problem, string? message) =>
        (Report, Problem, Message) = (report, problem, message);

    public SeamReport? Report { get; }
    public SeamProblem Problem { get; }
    public string? Message { get; }

    [MemberNotNullWhen(true, nameof(Report))]
    [MemberNotNullWhen(false, nameof(Message))]
    public bool Succeeded => Report is not null;

    public static SeamAnalysis Success(SeamReport report) => new(report, SeamProblem.None, null);

    public static SeamAnalysis Failure(SeamProblem problem, string message) => new(null, problem, message);

    public override string ToString() => Succeeded ? Report.ToString() : $"{Problem}: {Message}";
}
