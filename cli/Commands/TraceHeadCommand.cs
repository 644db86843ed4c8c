using System.CommandLine;
using MemFw.Traces.Inspection;

namespace MemFw.Cli.Commands;

/// <summary><c>memfw trace head</c>: writes the first N accesses of a trace as a new trace.</summary>
internal static class TraceHeadCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliConsole console)
    {
        var count = new Option<long>("--count", "-n")
        {
            Description = "How many accesses to keep",
            DefaultValueFactory = _ => 1_000_000,
        };
        var command = new Command("head", "Write the first N accesses (and the snapshots within them) as a new trace")
        {
            count,
        };
        TraceSliceCommand.AddCommon(command, console, parse =>
        {
            var n = parse.GetValue(count);
            return n < 0
                ? throw new ArgumentException($"--count: expected a non-negative number, found {n}", nameof(parse))
                : new SliceOptions { RowStart = 0, RowEnd = n };
        });
        return command;
    }
}
