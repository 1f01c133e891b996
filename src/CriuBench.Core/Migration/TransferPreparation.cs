using CriuBench.Transfer;

namespace CriuBench.Migration;

/// <summary>How a mode wants the transfer of its checkpoint prepared; the default is cold migration's.</summary>
public sealed record TransferPreparation
{
    public static TransferPreparation Plain { get; } = new();

    /// <summary>The pre-copy round the checkpoint is chained to (hybrid's lazy dump).</summary>
    public IMigrationTransfer? Parent { get; init; }

    /// <summary>
    /// Pre-copy's rounds, the last the checkpoint's parent: the attempt then owns them (the fallback
    /// brings their pages back, disposing the transfer removes them; see <see cref="PreCopy.RoundChain"/>).
    /// </summary>
    public IReadOnlyList<IMigrationTransfer> Rounds { get; init; } = [];

    /// <summary>Where CRIU writes its logs and statistics outside the images (post-copy); null: in the images directories.</summary>
    public CriuWorkDirectories? WorkDirectories { get; init; }

    /// <summary>What the mode readies on the hosts first, inside the prepare step.</summary>
    public Func<CancellationToken, Task>? HostsFirst { get; init; }

    /// <summary>What is prepared, as a failure names it ("the tar transfer"); null: the strategy's transfer.</summary>
    public string? What { get; init; }
}
