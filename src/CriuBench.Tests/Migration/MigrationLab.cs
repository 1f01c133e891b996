using CriuBench.Tests.Support;

namespace CriuBench.Tests.Migration;

public sealed class MigrationLab() : LabFixture("tmig");

public sealed class FallbackLab() : LabFixture("tfail");
