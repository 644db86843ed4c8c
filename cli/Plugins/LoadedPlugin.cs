using MemFw.Framework.Plugins;

namespace MemFw.Cli.Plugins;

/// <summary>A replacement policy plugin found in a loaded assembly, with where it came from.</summary>
/// <param name="Descriptor">The generated descriptor.</param>
/// <param name="Assembly">The assembly's simple name.</param>
/// <param name="Location">The assembly's file, or "built-in".</param>
internal sealed record LoadedPlugin(ReplacementPluginDescriptor Descriptor, string Assembly, string Location)
{
    /// <summary>The plugin's name.</summary>
    public string Name => Descriptor.Name;
}
