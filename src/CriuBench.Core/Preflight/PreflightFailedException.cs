namespace CriuBench.Preflight;

/// <summary>A host pair that would fail a migration, found before the first dump; the message says what to fix.</summary>
public sealed class PreflightFailedException(string message) : InvalidOperationException(message);
