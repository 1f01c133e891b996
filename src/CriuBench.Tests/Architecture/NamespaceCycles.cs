namespace CriuBench.Tests.Architecture;

/// <summary>The groups of rooms that reach each other through their edges (Tarjan's strongly connected components).</summary>
public static class NamespaceCycles
{
    /// <summary>Every group of two or more rooms in which each room reaches every other; none means the graph has no cycle.</summary>
    public static IReadOnlyList<IReadOnlySet<string>> Of(IEnumerable<(string From, string To)> edges)
    {
        var next = edges.Where(edge => edge.From != edge.To)
            .GroupBy(edge => edge.From, edge => edge.To)
            .ToDictionary(group => group.Key, group => group.Distinct().Order(StringComparer.Ordinal).ToList());
        var nodes = next.Keys.Concat(next.Values.SelectMany(to => to)).Distinct().Order(StringComparer.Ordinal);
        var search = new Search(next);
        foreach (var node in nodes)
            if (!search.Index.ContainsKey(node)) search.Visit(node);
        return search.Components.Where(component => component.Count > 1).ToList();
    }

    private sealed class Search(Dictionary<string, List<string>> next)
    {
        public readonly Dictionary<string, int> Index = [];
        public readonly List<IReadOnlySet<string>> Components = [];
        private readonly Dictionary<string, int> _lowest = [];
        private readonly Stack<string> _stack = new();
        private readonly HashSet<string> _onStack = [];

        public void Visit(string node)
        {
            Index[node] = _lowest[node] = Index.Count;
            _stack.Push(node);
            _onStack.Add(node);
            foreach (var to in next.GetValueOrDefault(node) ?? [])
            {
                if (!Index.ContainsKey(to))
                {
                    Visit(to);
                    _lowest[node] = Math.Min(_lowest[node], _lowest[to]);
                }
                else if (_onStack.Contains(to))
                    _lowest[node] = Math.Min(_lowest[node], Index[to]);
            }
            if (_lowest[node] != Index[node]) return;
            var component = new SortedSet<string>(StringComparer.Ordinal);
            string member;
            do
            {
                member = _stack.Pop();
                _onStack.Remove(member);
                component.Add(member);
            } while (member != node);
            Components.Add(component);
        }
    }
}
