namespace CriuBench.Transfer;

/// <summary>The strategies by the names a suite or --strategies uses. A new strategy is one class and one line here.</summary>
public static class TransferStrategies
{
    private static readonly Dictionary<string, Func<ITransferStrategy>> Factories = new()
    {
        ["tar"] = () => new TarTransfer(),
        ["shared"] = () => new SharedFilesystemTransfer(),
        ["tar-ssh"] = () => new TarStreamTransfer(compressed: false),
        ["tar-zstd"] = () => new TarStreamTransfer(compressed: true),
        ["rsync"] = () => new RsyncTransfer(),
        ["page-server"] = () => new PageServerTransfer(),
    };

    public static IReadOnlyCollection<string> Names => Factories.Keys;

    public static ITransferStrategy Create(string name) =>
        Factories.TryGetValue(name, out var create)
            ? create()
            : throw new ArgumentException($"unknown transfer strategy '{name}': choose from {string.Join(", ", Names)}");
}
