namespace CriuBench.Preflight;

/// <summary>
/// What a transfer strategy can do, asked by the capability checks instead of its name (in the
/// manner of BenchmarkDotNet's <c>IToolchain.IsSupported</c>): a mode that needs rounds moved or
/// deltas sent says so against these members.
/// </summary>
public sealed record StrategyCapabilities(string Name)
{
    /// <summary>Moves pre-copy rounds while the workload runs (the strategy implements <c>IPreCopyTransfer</c>).</summary>
    public bool MovesPreCopyRounds { get; init; }

    /// <summary>Sends the memory pages during the dump itself (a page server): the dump has no pages left to serve later.</summary>
    public bool SendsPagesDuringDump { get; init; }

    /// <summary>Sends only what differs from a copy already on the destination (rsync's delta algorithm).</summary>
    public bool DeltaTransfers { get; init; }
}

/// <summary>What an engine passes on to CRIU, asked instead of its name.</summary>
public sealed record EngineCapabilities(string Name)
{
    /// <summary>The command that checkpoints, as refusals name it ("criu dump", "runc checkpoint").</summary>
    public required string Checkpointer { get; init; }

    /// <summary>False where the checkpoint command takes no CRIU options at all (docker): only cold migration then.</summary>
    public bool PassesCriuOptions { get; init; } = true;

    /// <summary>Can write pre-copy rounds (criu pre-dump) while the workload runs.</summary>
    public bool PreDump { get; init; }

    /// <summary>Passes --lazy-pages to the dump and the restore (post-copy).</summary>
    public bool LazyPages { get; init; }

    /// <summary>
    /// Which of a workload's criu_dump_args it passes on: null for any the harness allows; else only
    /// these (an empty list: none).
    /// </summary>
    public IReadOnlyList<string>? UserDumpArguments { get; init; }

    /// <summary>Runs a workload's own container image (`image:` in a suite).</summary>
    public bool TakesImage { get; init; }
    /// <summary>Passes --tcp-established to the dump and the restore (a service keeps its connections).</summary>
    public bool TcpEstablished { get; init; } = true;

    /// <summary>Passes --tcp-close (a service's connections are closed and its clients reconnect).</summary>
    public bool TcpClose { get; init; }

    /// <summary>The workload runs on the host's own files (a container brings its root filesystem along).</summary>
    public bool UsesHostFiles { get; init; }
}

/// <summary>What a migration mode needs of the engine's CRIU, asked instead of its name.</summary>
public sealed record ModeNeeds(string Name)
{
    /// <summary>Pre-copy rounds: criu pre-dump while the workload runs.</summary>
    public bool PreDump { get; init; }

    /// <summary>A lazy dump and restore (--lazy-pages).</summary>
    public bool LazyPages { get; init; }

    /// <summary>A dump that leaves the workload running (--leave-running).</summary>
    public bool LeaveRunning { get; init; }

    /// <summary>Anything beyond a plain dump and restore: an engine that passes no CRIU options can only do without.</summary>
    public bool CriuOptions => PreDump || LazyPages || LeaveRunning;
}
