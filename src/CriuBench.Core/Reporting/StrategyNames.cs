namespace CriuBench.Reporting;

/// <summary>What a person calls a strategy: "shared" (sshfs's name before nfs existed) is shown as sshfs.</summary>
public static class StrategyNames
{
    public static string Display(string strategy) => strategy == "shared" ? "sshfs" : strategy;
}
