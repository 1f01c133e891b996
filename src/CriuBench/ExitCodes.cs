namespace CriuBench.Cli;

/// <summary>What `criubench` returns: scripts tell a mistake in their input from a run that went wrong.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The run went wrong: a migration failed, a tool is missing, not root.</summary>
    public const int Failure = 1;

    /// <summary>Bad input: a suite file, an option or a run directory; nothing was created.</summary>
    public const int BadInput = 2;

    /// <summary>`compare`: a configuration's stop time regressed significantly by more than --threshold, or it no longer migrates.</summary>
    public const int Regression = 3;

    /// <summary>`compare`: the two runs share no configuration, so nothing was compared.</summary>
    public const int NothingToCompare = 4;

    public const int Interrupted = 130;
}
