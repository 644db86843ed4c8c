using System.CommandLine;
using MemFw.Cli.Output;
using MemFw.Framework.Host.Engine;
using MemFw.Framework.Host.Scenarios;

namespace MemFw.Cli.Commands;

/// <summary><c>memfw run</c>: replays every VM of a scenario, interleaved in time, on one overcommitted host.</summary>
internal static class RunCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("SCENARIO") { Description = "A scenario file (docs/scenario.md)" };
        var json = CommonOptions.Json();
        var csv = new Option<bool>("--csv") { Description = "Print the per-VM table as CSV" };
        var series = new Option<bool>("--series")
        {
            Description = "Print the host's time series instead (free memory, state, each VM's sizes per rebalancing point)",
        };
        var seed = new Option<int?>("--seed") { Description = "Seed of every random choice (default: the scenario's)" };
        var plugins = CommonOptions.Plugins();
        var quiet = CommonOptions.Quiet();
        var command = new Command("run", "Run a scenario: several VMs with quotas on one host, under memory pressure")
        {
            file, json, csv, series, seed, plugins, quiet,
        };
        command.SetAction(parse =>
        {
            if (parse.GetValue(json) && parse.GetValue(csv))
            {
                throw new ArgumentException("--json, --csv: expected one of them, not both", nameof(parse));
            }

            var scenario = ScenarioParser.Load(parse.GetValue(file)!);
            if (parse.GetValue(seed) is { } s)
            {
                scenario = scenario with { Seed = s };
            }

            var policies = ScenarioPolicies.Bind(Catalog(parse, plugins), scenario);
            var silent = parse.GetValue(quiet);
            using var form = ProgressDisplay.Run(console, silent, "decode", p => HostRun.BuildForm(scenario, p));
            var result = ProgressDisplay.Run(console, silent, "run", p => HostRun.Run(scenario, policies, form, p));
            if (parse.GetValue(series))
            {
                HostRunText.Series(result).Write(console.Out,
                    parse.GetValue(json) ? TableFormat.Json : parse.GetValue(csv) ? TableFormat.Csv : TableFormat.Table);
            }
            else if (parse.GetValue(json))
            {
                CliJson.Write(console.Out, HostRunSummary.From(result));
            }
            else if (parse.GetValue(csv))
            {
                HostRunText.VmTable(result).Write(console.Out, TableFormat.Csv);
            }
            else
            {
                HostRunText.Write(console.Out, result);
            }

            return 0;
        });
        return command;
    }

    private static Plugins.PluginCatalog Catalog(ParseResult parse, Option<string[]> plugins) =>
        Plugins.PluginCatalog.Load(parse.GetValue(plugins) ?? []);
}
