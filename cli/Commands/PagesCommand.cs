using System.CommandLine;
using MemFw.Cli.Output;
using MemFw.Framework.Content.Analysis;
using MemFw.Framework.Parsing;
using MemFw.Traces.Format;

namespace MemFw.Cli.Commands;

/// <summary>
/// <c>memfw pages</c>: what full-page sharing, the zero-page hack and sub-page patching would save on a trace's page
/// snapshots, per VM and snapshot time (docs/content.md).
/// </summary>
internal static class PagesCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliConsole console)
    {
        var trace = CommonOptions.Trace();
        var vm = new Option<string?>("--vm")
        {
            Description = "Analyse only this VM, by name or id, as if it were alone on the host",
        };
        var json = CommonOptions.Json();
        var quiet = CommonOptions.Quiet();
        var command = new Command("pages", "Count zero, shareable (within and across VMs) and patchable pages in a " +
            "trace's RAM snapshots, and the machine frames they would need")
        {
            trace, vm, json, quiet,
        };
        command.SetAction(parse =>
        {
            var opened = Trace.Open(parse.GetValue(trace)!);
            var options = new ContentAnalysisOptions { Vm = Find(opened, parse.GetValue(vm)) };
            var report = ProgressDisplay.Run(console, parse.GetValue(quiet), "pages",
                progress => PageContentAnalysis.Analyze(opened, options, progress));
            if (parse.GetValue(json))
            {
                CliJson.Write(console.Out, report);
            }
            else
            {
                PageContentText.Write(console.Out, report);
            }

            return 0;
        });
        return command;
    }

    private static int? Find(Trace trace, string? name) =>
        name is null ? null
        : trace.FindVm(name)?.Id ?? throw new ArgumentException(
            $"--vm: no VM '{name}' in {trace.Path}"
                + NameSuggestions.Describe(name, trace.Metadata.Vms.Select(v => v.Name)),
            nameof(name));
}
