using CriuBench.Logging;

namespace CriuBench.Transfer;

/// <summary>The strategies by the names a suite or --strategies uses. A new strategy is one class and one line here.</summary>
public static class TransferStrategies
{
    private static readonly Dictionary<string, Func<ILog?, ITransferStrategy>> Factories = new()
    {
        ["tar"] = _ => new TarTransfer(),
        [SshfsTransfer.OlderName] = log => new SshfsTransfer(SshfsTransfer.OlderName, log),
        [SshfsTransfer.StrategyName] = log => new SshfsTransfer(SshfsTransfer.StrategyName, log),
        [NfsTransfer.StrategyName] = log => new NfsTransfer(log),
        ["tar-ssh"] = _ => new TarStreamTransfer(compressed: false),
        ["tar-zstd"] = _ => new TarStreamTransfer(compressed: true),
        ["rsync"] = _ => new RsyncTransfer(),
        ["page-server"] = _ => new PageServerTransfer(),
    };

    public static IReadOnlyCollection<string> Names => Factories.Keys;

    /// <param name="log">Where a strategy that sets something up on the hosts says what it did (and what an earlier crash left).</param>
    public static ITransferStrategy Create(string name, ILog? log = null) =>
        Factories.TryGetValue(name, out var create)
            ? create(log)
            : throw new ArgumentException($"unknown transfer strategy '{name}': choose from {string.Join(", ", Names)}");
}
