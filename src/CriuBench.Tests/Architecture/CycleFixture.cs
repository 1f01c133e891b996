// Two namespaces that use each other only inside method bodies: the cycle test's proof that the
// assembly reader sees what a method body references, not only signatures.
namespace CriuBench.Tests.Architecture.CycleFixture.Upstairs
{
    internal static class Caller
    {
        public static int CallDown() => Downstairs.Callee.Answer() + 1;
    }
}

namespace CriuBench.Tests.Architecture.CycleFixture.Downstairs
{
    internal static class Callee
    {
        public static int Answer() => 41;

        public static Func<int> CallUp() => () => Upstairs.Caller.CallDown();
    }
}
