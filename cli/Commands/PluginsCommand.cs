using System.CommandLine;
using MemFw.Cli.Plugins;

namespace MemFw.Cli.Commands;

/// <summary><c>memfw plugins</c>: lists the plugins loaded, from which assembly, with their options and defaults.</summary>
internal static class PluginsCommand
{
    /// <summary>The width of the kind column: the longest kind.</summary>
    private static readonly int s_kindWidth = PluginListing.Kinds.Max(k => k.Length);

    /// <summary>The indent of a plugin's detail lines, under its name.</summary>
    private static readonly string s_indent = new(' ', s_kindWidth + 1);

    /// <summary>Builds the command.</summary>
    public static Command Create(CliConsole console)
    {
        var kind = new Option<string?>("--kind") { Description = "Only plugins of this kind" };
        kind.AcceptOnlyFromAmong([.. PluginListing.Kinds]);
        var plugins = new Option<string[]>("--plugins")
        {
            Description = $"Also load third-party plugins from this folder (repeatable; also ${PluginCatalog.EnvironmentVariable})",
        };
        var command = new Command("plugins", "List the plugins, their source, options and defaults") { kind, plugins };
        command.SetAction(parse =>
        {
            var catalog = PluginCatalog.Load(parse.GetValue(plugins) ?? []);
            var only = parse.GetValue(kind);
            foreach (var d in catalog.Listings.Where(p => only is null || p.Kind == only))
            {
                console.Out.WriteLine($"{d.Kind.PadRight(s_kindWidth)} {d.Name,-18} {d.Description}");
                console.Out.WriteLine($"{s_indent}source:   {d.Source}{(d.Offline ? " (offline: reads the trace's future)" : "")}");
                console.Out.WriteLine($"{s_indent}assembly: {d.Assembly} ({d.Location})");
                foreach (var option in d.Options)
                {
                    console.Out.WriteLine($"{s_indent}--{option.Name} <{option.Type}> (default {option.DefaultValue}): {option.Description}");
                }

                console.Out.WriteLine();
            }

            return 0;
        });
        return command;
    }
}
