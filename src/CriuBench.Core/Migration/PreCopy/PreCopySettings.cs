namespace CriuBench.Migration.PreCopy;

/// <summary>
/// A suite's `precopy:` key: which stop rule pre-copy uses and its parameters (null: the rule's
/// default). Each parameter belongs to one rule; <see cref="Validate"/> says which.
/// </summary>
public sealed record PreCopySettings
{
    public string Rule { get; init; } = PHaulStopRule.RuleName;
    public int? MaxIterations { get; init; }
    public int? MinPages { get; init; }
    public int? GrowPercent { get; init; }
    public int? GoalPercent { get; init; }

    public static PreCopySettings Default { get; } = new();

    public static IReadOnlyList<string> Rules { get; } = [PHaulStopRule.RuleName, GoalStopRule.RuleName];

    /// <summary>The rule these settings describe.</summary>
    public IStopRule CreateRule() => Rule switch
    {
        PHaulStopRule.RuleName => new PHaulStopRule(MinPages ?? 64, GrowPercent ?? 10, MaxIterations ?? 8),
        GoalStopRule.RuleName => new GoalStopRule(GoalPercent ?? 70, MaxIterations ?? 10),
        _ => throw new ArgumentException($"unknown pre-copy stop rule '{Rule}': choose from {string.Join(", ", Rules)}"),
    };

    /// <summary>What is wrong with these settings, for the suite's error; null if nothing.</summary>
    public string? Validate()
    {
        if (!Rules.Contains(Rule)) return $"rule '{Rule}' is unknown: choose from {string.Join(", ", Rules)}";
        if (Rule == GoalStopRule.RuleName && (MinPages is not null || GrowPercent is not null))
            return "min_pages and grow_percent belong to rule phaul; rule goal takes goal_percent and max_iterations";
        if (Rule == PHaulStopRule.RuleName && GoalPercent is not null)
            return "goal_percent belongs to rule goal; rule phaul takes min_pages, grow_percent and max_iterations";
        if (MaxIterations is < 1) return "max_iterations must be at least 1";
        if (MinPages is < 0) return "min_pages must not be negative";
        if (GrowPercent is < 0) return "grow_percent must not be negative";
        if (GoalPercent is < 0 or > 100) return "goal_percent must be between 0 and 100";
        return null;
    }
}
