namespace CriuBench.Reporting;

/// <summary>A run directory's CSV file that cannot be read back: the message names the file, the line and what is wrong.</summary>
public sealed class RunFileException(string message, Exception? inner = null) : Exception(message, inner);
