using System.CommandLine;
using MemFw.Cli.Plugins;
using MemFw.Framework.Content.Compression;
using MemFw.Framework.Host;
using MemFw.Framework.Plugins;

namespace MemFw.Cli.Commands;

/// <summary><c>memfw vm</c>: the group of commands that suspend a VM's memory to an image and resume it.</summary>
internal static class VmCommand
{
    /// <summary>Builds the command group.</summary>
    public static Command Create(CliConsole console) => new("vm",
        "Save a VM's memory at a snapshot time to one image file (suspend) and restore it to a trace (resume)")
    {
        VmSaveCommand.Create(console),
        VmRestoreCommand.Create(console),
    };

    /// <summary>A new codec from its spec (<c>NAME[:OPTION=VALUE]...</c>), found among the catalog's codecs.</summary>
    /// <exception cref="ArgumentException">The spec is malformed, the codec unknown or an option wrong.</exception>
    public static ICompressionCodec CreateCodec(PluginCatalog catalog, PolicySpec spec, string option)
    {
        try
        {
            return catalog.FindHostPlugin("compression codec", spec.Name, r => r.CompressionCodecs)
                .Bind(spec.Values)(new HostPluginContext(Seed: 1, RebalancePeriod: 1));
        }
        catch (PluginOptionException e)
        {
            throw new ArgumentException($"{option}: {e.Message}", nameof(spec), e);
        }
    }
}
