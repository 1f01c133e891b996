using CriuBench.Execution;

namespace CriuBench.Tests.Architecture;

/// <summary>
/// The rooms of the core (CriuBench.Hosts, CriuBench.Migration, ...) form a ladder: a room uses only
/// rooms below it, so each can be read, changed and tested with what is beneath it and nothing above.
/// </summary>
[Trait("Category", "Unit")]
public sealed class NamespaceCycleTests
{
    private static readonly string Core = typeof(Command).Assembly.Location;

    [Fact]
    public void No_two_rooms_of_the_core_use_each_other_even_through_other_rooms()
    {
        var edges = NamespaceReferences.Read(Core, IsCore).Select(edge => edge with { From = Room(edge.From), To = Room(edge.To) }).ToList();

        AssertNoCycle(edges);
    }

    [Fact]
    public void No_two_namespaces_of_the_core_use_each_other_not_even_a_room_and_its_own_subfolder()
    {
        AssertNoCycle(NamespaceReferences.Read(Core, IsCore).ToList());
    }

    [Fact]
    public void The_vocabulary_uses_no_other_namespace_of_the_core()
    {
        var used = NamespaceReferences.Read(Core, IsCore).Where(edge => Room(edge.From) == Vocabulary).ToList();

        Assert.True(used.Count == 0, "The vocabulary is the floor, it imports nothing of CriuBench:\n" + Describe(used));
    }

    [Fact]
    public void A_cycle_made_only_inside_method_bodies_is_found()
    {
        const string fixture = "CriuBench.Tests.Architecture.CycleFixture";

        var edges = NamespaceReferences.Read(typeof(NamespaceCycleTests).Assembly.Location, name => name.StartsWith(fixture + ".", StringComparison.Ordinal));

        var cycle = Assert.Single(NamespaceCycles.Of(edges.Select(edge => (edge.From, edge.To))));
        Assert.Equal([fixture + ".Downstairs", fixture + ".Upstairs"], cycle);
    }

    private const string Vocabulary = "CriuBench.Vocabulary";

    private static bool IsCore(string name) => name == "CriuBench" || name.StartsWith("CriuBench.", StringComparison.Ordinal);

    /// <summary>A top-level folder of the core with everything under it: CriuBench.Hosts.Vm is in CriuBench.Hosts.</summary>
    private static string Room(string name) => string.Join('.', name.Split('.').Take(2));

    private static void AssertNoCycle(IReadOnlyList<NamespaceEdge> edges)
    {
        var distinct = edges.Where(edge => edge.From != edge.To).DistinctBy(edge => (edge.From, edge.To)).ToList();
        var cycles = NamespaceCycles.Of(distinct.Select(edge => (edge.From, edge.To)));
        var described = cycles.Select(cycle =>
            $"{{{string.Join(", ", cycle)}}}:\n" + Describe(distinct.Where(edge => cycle.Contains(edge.From) && cycle.Contains(edge.To)).ToList()));

        Assert.True(cycles.Count == 0, "Namespaces that reach each other (move the type to its user's room or the floor, or invert through an interface):\n" + string.Join("\n", described));
    }

    private static string Describe(IReadOnlyList<NamespaceEdge> edges) =>
        string.Join("\n", edges.OrderBy(edge => edge.From, StringComparer.Ordinal).ThenBy(edge => edge.To, StringComparer.Ordinal)
            .Select(edge => $"  {edge.From} -> {edge.To} (e.g. {edge.Type})"));
}
