namespace CriuBench.Cli;

/// <summary>Defaults shared by several commands.</summary>
internal static class CliDefaults
{
    public const string LabName = "cb";
    public const string ResultsDirectory = "results";
}
