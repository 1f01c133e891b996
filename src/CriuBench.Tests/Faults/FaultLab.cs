using CriuBench.Tests.Support;

namespace CriuBench.Tests.Faults;

public sealed class FaultLab() : LabFixture("ffault");
