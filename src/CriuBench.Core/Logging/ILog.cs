namespace CriuBench.Logging;

/// <summary>Where the harness tells the user what it is doing. The CLI prints; tests collect.</summary>
public interface ILog
{
    void Info(string message);
    void Warning(string message);
}

public sealed class NullLog : ILog
{
    public static NullLog Instance { get; } = new();
    public void Info(string message) { }
    public void Warning(string message) { }
}
