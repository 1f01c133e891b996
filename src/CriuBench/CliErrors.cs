namespace CriuBench.Cli;

/// <summary>Turns expected failures into one clear line and exit code 1 instead of a stack trace.</summary>
internal static class CliErrors
{
    public static async Task<int> GuardAsync(Func<Task> action)
    {
        try
        {
            await action();
            return 0;
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("interrupted; everything the run started has been removed");
            return 130;
        }
        catch (Exception e) when (IsUserFacing(e))
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 1;
        }
    }

    public static int Guard(Action action) => GuardAsync(() => { action(); return Task.CompletedTask; }).GetAwaiter().GetResult();

    private static bool IsUserFacing(Exception e) =>
        e is InvalidOperationException or ArgumentException or FormatException or IOException or UnauthorizedAccessException
            or TimeoutException or CriuBench.Execution.CommandFailedException or CriuBench.Suites.SuiteException;
}
