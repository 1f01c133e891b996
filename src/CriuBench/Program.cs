using System.CommandLine;
using CriuBench.Cli;

var root = new RootCommand("CriuBench: measures CRIU checkpoint/restore migrations between two hosts")
{
    LabCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
