using CriuBench.Logging;
using CriuBench.Preflight;
using CriuBench.Transfer.SharedFilesystem;

namespace CriuBench.Transfer;

/// <summary>The strategies by the names a suite or --strategies uses. A new strategy is one class and one line here.</summary>
public static class TransferStrategies
{
    /// <summary>Every strategy here moves pre-copy rounds; what else each does is said beside it.</summary>
    private static StrategyCapabilities Can(string name) => new(name) { MovesPreCopyRounds = true };

    private static readonly Registry<StrategyKind> Kinds = new("strategy",
    [
        ("tar", new(Can("tar"), _ => new TarTransfer())),
        (SshfsTransfer.OlderName, new(Can(SshfsTransfer.OlderName), log => new SshfsTransfer(SshfsTransfer.OlderName, log), SshfsSharedFilesystem.Check)),
        (SshfsTransfer.StrategyName, new(Can(SshfsTransfer.StrategyName), log => new SshfsTransfer(SshfsTransfer.StrategyName, log), SshfsSharedFilesystem.Check)),
        (NfsTransfer.StrategyName, new(Can(NfsTransfer.StrategyName), log => new NfsTransfer(log), NfsSharedFilesystem.Check)),
        ("tar-ssh", new(Can("tar-ssh"), _ => new TarStreamTransfer(compressed: false))),
        ("tar-zstd", new(Can("tar-zstd"), _ => new TarStreamTransfer(compressed: true))),
        ("rsync", new(Can("rsync") with { DeltaTransfers = true }, _ => new RsyncTransfer())),
        ("page-server", new(Can("page-server") with { SendsPagesDuringDump = true }, _ => new PageServerTransfer())),
    ]);

    public static IReadOnlyCollection<string> Names => Kinds.Names;

    /// <exception cref="UnknownNameException">With the names there are.</exception>
    public static StrategyKind Resolve(string name) => Kinds.Resolve(name);

    /// <summary>A strategy by name, for tests and tools that drive one migration without a suite.</summary>
    public static ITransferStrategy Create(string name, ILog? log = null) => Resolve(name).Create(log);
}
