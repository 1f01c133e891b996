using CriuBench.Reporting;
using CriuBench.Suites;

namespace CriuBench.Cli;

/// <summary>
/// Turns failures into one clear line instead of a stack trace: bad input exits 2, a run that went
/// wrong exits 1. CRIUBENCH_DEBUG=1 adds the stack trace of an unexpected failure, for a bug report.
/// </summary>
internal static class CliErrors
{
    public static async Task<int> GuardAsync(Func<Task> action)
    {
        try
        {
            await action();
            return ExitCodes.Success;
        }
        catch (OperationCanceledException)
        {
            // A workload caught mid-migration is not removed: the lab kept its images and files, and said where.
            Console.Error.WriteLine("interrupted; everything the run started has been removed, except what a migration cut short left of its workload "
                + "(kept in a rescue, named above if any: `criubench rescue list`)");
            return ExitCodes.Interrupted;
        }
        catch (Exception e) when (e is UsageException or SuiteException or RunFileException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (Exception e) when (IsUserFacing(e))
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.Failure;
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"error: unexpected failure: {e.Message} (this is a CriuBench bug: please report it with the command line; CRIUBENCH_DEBUG=1 shows where it happened)");
            if (Environment.GetEnvironmentVariable("CRIUBENCH_DEBUG") is { Length: > 0 }) Console.Error.WriteLine(e);
            return ExitCodes.Failure;
        }
    }

    public static int Guard(Action action) => GuardAsync(() => { action(); return Task.CompletedTask; }).GetAwaiter().GetResult();

    private static bool IsUserFacing(Exception e) =>
        e is InvalidOperationException or ArgumentException or FormatException or IOException or UnauthorizedAccessException
            or TimeoutException or CriuBench.Execution.CommandFailedException;
}
