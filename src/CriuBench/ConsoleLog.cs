using CriuBench.Logging;

namespace CriuBench.Cli;

/// <summary>Progress and warnings on the terminal, with a wall-clock prefix so long runs can be followed.</summary>
internal sealed class ConsoleLog : ILog
{
    public static ConsoleLog Instance { get; } = new();
    private readonly Lock gate = new();

    public void Info(string message) => Write(Console.Out, message);
    public void Warning(string message) => Write(Console.Error, "warning: " + message);

    private void Write(TextWriter writer, string message)
    {
        lock (gate) writer.WriteLine($"{DateTime.Now:HH:mm:ss} {message}");
    }
}
