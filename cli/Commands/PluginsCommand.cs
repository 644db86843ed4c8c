using System.CommandLine;
using MemFw.Cli.Plugins;

namespace MemFw.Cli.Commands;

/// <summary><c>memfw plugins</c>: lists the plugins loaded, from which assembly, with their options and defaults.</summary>
internal static class PluginsCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliConsole console)
    {
        var kind = new Option<string?>("--kind") { Description = "Only plugins of this kind (replacement)" };
        kind.AcceptOnlyFromAmong("replacement");
        var plugins = new Option<string[]>("--plugins")
        {
            Description = $"Also load third-party plugins from this folder (repeatable; also ${PluginCatalog.EnvironmentVariable})",
        };
        var command = new Command("plugins", "List the plugins, their source, options and defaults") { kind, plugins };
        command.SetAction(parse =>
        {
            var catalog = PluginCatalog.Load(parse.GetValue(plugins) ?? []);
            foreach (var plugin in catalog.ReplacementPolicies)
            {
                var d = plugin.Descriptor;
                console.Out.WriteLine($"replacement  {d.Name,-14} {d.Description}");
                console.Out.WriteLine($"             source:   {d.Source}{(d.Offline ? " (offline: reads the trace's future)" : "")}");
                console.Out.WriteLine($"             assembly: {plugin.Assembly} ({plugin.Location})");
                foreach (var option in d.Options)
                {
                    console.Out.WriteLine($"             --{option.Name} <{option.Type}> (default {option.DefaultValue}): {option.Description}");
                }

                console.Out.WriteLine();
            }

            return 0;
        });
        return command;
    }
}
