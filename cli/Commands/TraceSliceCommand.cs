using System.CommandLine;
using System.Globalization;
using MemFw.Cli.Output;
using MemFw.Traces.Format;
using MemFw.Traces.Inspection;

namespace MemFw.Cli.Commands;

/// <summary>
/// <c>memfw trace slice</c>: writes part of a trace (rows, time, VMs) as a new valid trace, with all, some or none of
/// its pages' bytes.
/// </summary>
internal static class TraceSliceCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliConsole console)
    {
        var rows = new Option<string?>("--rows") { Description = "Access rows START:END (END exclusive; either may be empty)" };
        var time = new Option<string?>("--time") { Description = "Times START:END in the trace's unit (END exclusive)" };
        var vms = new Option<string[]>("--vm") { Description = "Keep only this VM, by name or id (repeatable)" };
        var content = new Option<string>("--content")
        {
            Description = "Page bytes to keep: all; touched (only contents that a page the kept accesses touch " +
                "holds); none (hashes and zero flags only)",
            DefaultValueFactory = _ => SliceContents.Name(SliceContent.All),
        };
        var command = new Command("slice", "Write part of a trace (row range, time range, VMs) as a new trace")
        {
            rows, time, vms, content,
        };
        AddCommon(command, console, parse =>
        {
            var (rowStart, rowEnd) = Range(parse.GetValue(rows), "--rows");
            var (timeStart, timeEnd) = Range(parse.GetValue(time), "--time");
            return new SliceOptions
            {
                RowStart = rowStart,
                RowEnd = rowEnd,
                TimeStart = timeStart,
                TimeEnd = timeEnd,
                Vms = parse.GetValue(vms) ?? [],
                Content = SliceContents.Parse(parse.GetValue(content)!, "--content"),
            };
        });
        return command;
    }

    /// <summary>Adds the trace argument, output options and the action shared by <c>head</c> and <c>slice</c>.</summary>
    public static void AddCommon(Command command, CliConsole console, Func<ParseResult, SliceOptions> bounds)
    {
        var trace = CommonOptions.Trace();
        var output = CommonOptions.Output();
        var force = CommonOptions.Force();
        var quiet = CommonOptions.Quiet();
        command.Add(trace);
        command.Add(output);
        command.Add(force);
        command.Add(quiet);
        command.SetAction(parse =>
        {
            var options = bounds(parse) with { Overwrite = parse.GetValue(force) };
            var source = Trace.Open(parse.GetValue(trace)!);
            var path = parse.GetValue(output)!;
            var (accesses, pages) = ProgressDisplay.Run(console, parse.GetValue(quiet), command.Name,
                progress => TraceSlicer.Slice(source, path, options, progress));
            console.Out.WriteLine($"wrote {path}: {accesses:N0} accesses, {pages:N0} pages");
            return 0;
        });
    }

    private static (long? Start, long? End) Range(string? text, string option)
    {
        if (text is null)
        {
            return (null, null);
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            throw new ArgumentException($"{option}: expected START:END, found '{text}'", nameof(text));
        }

        return (Bound(text[..colon], option, text), Bound(text[(colon + 1)..], option, text));
    }

    private static long? Bound(string part, string option, string text) =>
        part.Length == 0 ? null
        : long.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= 0 ? value
        : throw new ArgumentException(
            $"{option}: expected START:END with non-negative integers, found '{text}'", nameof(text));
}
