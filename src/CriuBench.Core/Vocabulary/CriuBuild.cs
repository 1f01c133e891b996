using System.Text.RegularExpressions;

namespace CriuBench.Vocabulary;

/// <summary>
/// One CRIU build installed side by side with the others by scripts/build-criu.sh VERSION, at
/// <see cref="Root"/>/VERSION/criu; `run --criu VERSION` migrates with it instead of the
/// default criu (<see cref="DefaultPath"/>).
/// </summary>
public sealed partial record CriuBuild(string Version)
{
    public const string Root = "/usr/local/lib/criubench/criu";

    /// <summary>Where build-criu.sh installs the default build, the `criu` the hosts' PATH finds.</summary>
    public const string DefaultPath = "/usr/local/sbin/criu";

    public string Path => $"{Root}/{Version}/criu";

    /// <summary>What to run to install it, for refusals.</summary>
    public string BuildCommand => $"scripts/build-criu.sh {Version}";

    /// <exception cref="FormatException">Not a version such as 4.1.1.</exception>
    public static CriuBuild Parse(string text) =>
        VersionPattern().IsMatch(text) ? new CriuBuild(text) : throw new FormatException($"'{text}' is not a CRIU version such as 4.2.1");

    [GeneratedRegex(@"^[0-9]+(\.[0-9]+){1,3}$")]
    private static partial Regex VersionPattern();
}
