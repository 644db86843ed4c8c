using System.CommandLine;
using MemFw.Cli.Output;
using MemFw.Traces.Inspection;

namespace MemFw.Cli.Commands;

/// <summary><c>memfw trace validate</c>: checks every invariant of the format and reports each violation's row.</summary>
internal static class TraceValidateCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliConsole console)
    {
        var trace = CommonOptions.Trace();
        var json = CommonOptions.Json();
        var quiet = CommonOptions.Quiet();
        var command = new Command("validate",
            $"Check every invariant the trace format promises; exit code {MemFwApp.ExitInvalid} if any is broken")
        {
            trace, json, quiet,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(trace)!;
            var report = ProgressDisplay.Run(console, parse.GetValue(quiet), "validate",
                progress => TraceValidator.Validate(path, progress));
            if (parse.GetValue(json))
            {
                CliJson.Write(console.Out, new ValidationResult(report.IsValid, report.AccessRows, report.PageRows,
                    report.Count, report.Violations));
            }
            else
            {
                foreach (var violation in report.Violations)
                {
                    console.Out.WriteLine($"{path}/{violation}");
                }

                var more = report.Count - report.Violations.Count;
                console.Out.WriteLine(report.IsValid
                    ? $"{path}: valid ({report.AccessRows:N0} access rows, {report.PageRows:N0} page rows)"
                    : $"{path}: {report.Count:N0} violation(s){(more > 0 ? $", {more:N0} not shown" : "")}");
            }

            return report.IsValid ? 0 : MemFwApp.ExitInvalid;
        });
        return command;
    }
}
