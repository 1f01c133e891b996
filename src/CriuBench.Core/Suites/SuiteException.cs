namespace CriuBench.Suites;

/// <summary>A suite file or option that cannot be used; the message says where and what to write instead.</summary>
public sealed class SuiteException(string message) : Exception(message);
