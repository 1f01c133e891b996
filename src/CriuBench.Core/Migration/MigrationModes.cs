namespace CriuBench.Migration;

/// <summary>The modes by the names a suite's `modes:` uses. A new mode is one class and one line here.</summary>
public static class MigrationModes
{
    public const string Cold = "cold";

    private static readonly Dictionary<string, Func<IMigrationMode>> Factories = new()
    {
        [Cold] = () => new ColdMode(),
    };

    public static IReadOnlyCollection<string> Names => Factories.Keys;

    public static IMigrationMode Create(string name) =>
        Factories.TryGetValue(name, out var create)
            ? create()
            : throw new ArgumentException($"unknown migration mode '{name}': choose from {string.Join(", ", Names)}");
}
