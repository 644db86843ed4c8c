using System.CommandLine;

namespace MemFw.Cli.Commands;

/// <summary><c>memfw trace</c>: the group of commands that make, inspect and cut traces.</summary>
internal static class TraceCommand
{
    /// <summary>Builds the command group.</summary>
    public static Command Create(CliConsole console) => new("trace", "Import, inspect, validate and cut traces")
    {
        TraceImportCommand.Create(console),
        TraceInfoCommand.Create(console),
        TraceValidateCommand.Create(console),
        TraceHeadCommand.Create(console),
        TraceSliceCommand.Create(console),
    };
}
