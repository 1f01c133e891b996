namespace CriuBench.Workloads;

/// <summary>The engines by the names a workload's `engine:` uses. A new engine is one class and one line here.</summary>
public static class WorkloadEngines
{
    private static readonly Dictionary<string, Func<IWorkloadEngine>> Factories = new()
    {
        ["process"] = () => new ProcessEngine(),
        ["runc"] = () => new Containers.RuncEngine(),
        ["docker"] = () => new Containers.DockerEngine(),
    };

    public static IReadOnlyCollection<string> Names => Factories.Keys;

    public static IWorkloadEngine Create(string name) =>
        Factories.TryGetValue(name, out var create)
            ? create()
            : throw new ArgumentException($"unknown engine '{name}': choose from {string.Join(", ", Names)}");
}
