using System.CommandLine;
using System.Runtime.InteropServices;
using CriuBench.Cli;

var root = new RootCommand("CriuBench: measures CRIU checkpoint/restore migrations between two hosts")
{
    RunCommand.Create(),
    ReportCommand.Create(),
    CompareCommand.Create(),
    MergeCommand.Create(),
    PublishCommand.Create(),
    LabCommand.Create(),
    RescueCommand.Create(),
    DoctorCommand.Create(),
};

// Ctrl-C and SIGTERM cancel the run instead of killing the process, so the lab, mounts and
// workloads it started are removed on the way out.
using var interrupted = new CancellationTokenSource();
void Interrupt()
{
    if (!interrupted.IsCancellationRequested) Console.Error.WriteLine("interrupted: stopping and cleaning up (the lab, mounts, workloads)...");
    interrupted.Cancel();
}
Console.CancelKeyPress += (_, e) => { e.Cancel = true; Interrupt(); };
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; Interrupt(); });

// Parse errors are reworded (no .NET type names) and exit 2, like every other bad input.
var parse = root.Parse(args);
if (parse.Errors.Count > 0) return ParseErrors.Report(parse);
return await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null }, interrupted.Token);
