using CriuBench.Logging;

namespace CriuBench.Tests.Support;

/// <summary>Keeps what the harness tells the user, for tests that check it.</summary>
internal sealed class CollectingLog : ILog
{
    private readonly List<string> infos = [];
    private readonly List<string> warnings = [];

    public IReadOnlyList<string> Infos { get { lock (infos) return [.. infos]; } }
    public IReadOnlyList<string> Warnings { get { lock (warnings) return [.. warnings]; } }

    public void Info(string message) { lock (infos) infos.Add(message); }
    public void Warning(string message) { lock (warnings) warnings.Add(message); }
}
