using System.CommandLine;
using MemFw.Cli.Output;
using MemFw.Traces.Format;
using MemFw.Traces.Inspection;

namespace MemFw.Cli.Commands;

/// <summary><c>memfw trace info</c>: what a trace holds: VMs, access figures, footprint, page contents.</summary>
internal static class TraceInfoCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliConsole console)
    {
        var trace = CommonOptions.Trace();
        var json = CommonOptions.Json();
        var quiet = CommonOptions.Quiet();
        var command = new Command("info", "Summarize a trace: VMs, accesses by kind, I/O, time span, distinct " +
            "pages, footprint and page-contents figures") { trace, json, quiet };
        command.SetAction(parse =>
        {
            var opened = Trace.Open(parse.GetValue(trace)!);
            var summary = ProgressDisplay.Run(console, parse.GetValue(quiet), "info",
                progress => TraceInfo.Summarize(opened, progress));
            if (parse.GetValue(json))
            {
                CliJson.Write(console.Out, summary);
            }
            else
            {
                TraceSummaryText.Write(console.Out, opened, summary);
            }

            return 0;
        });
        return command;
    }
}
