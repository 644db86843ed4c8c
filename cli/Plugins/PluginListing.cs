using MemFw.Framework.Plugins;

namespace MemFw.Cli.Plugins;

/// <summary>One plugin of any kind as <c>memfw plugins</c> lists it, with the assembly it came from.</summary>
/// <param name="Kind">The plugin kind as typed with <c>--kind</c>.</param>
/// <param name="Name">The plugin's stable name.</param>
/// <param name="Description">Its one-line description.</param>
/// <param name="Source">The paper or system it follows.</param>
/// <param name="Offline">Whether it reads the trace's future (OPT).</param>
/// <param name="Options">Its options.</param>
/// <param name="Assembly">The assembly's simple name.</param>
/// <param name="Location">The assembly's file, or "built-in".</param>
internal sealed record PluginListing(string Kind, string Name, string Description, string Source, bool Offline,
    IReadOnlyList<OptionDescriptor> Options, string Assembly, string Location)
{
    /// <summary>The kinds, in listing order, as <c>--kind</c> takes them.</summary>
    public static IReadOnlyList<string> Kinds { get; } =
        ["replacement", "victim-selector", "balloon", "working-set", "compression-codec", "sharing-scanner",
            "backing-store"];

    /// <summary>Every plugin of <paramref name="registry"/>, kind by kind.</summary>
    public static IEnumerable<PluginListing> From(IPluginRegistry registry, string assembly, string location) =>
        registry.ReplacementPolicies.Select(d =>
                new PluginListing(Kinds[0], d.Name, d.Description, d.Source, d.Offline, d.Options, assembly, location))
            .Concat(Host(Kinds[1], registry.VictimSelectors, assembly, location))
            .Concat(Host(Kinds[2], registry.BalloonStrategies, assembly, location))
            .Concat(Host(Kinds[3], registry.WorkingSetEstimators, assembly, location))
            .Concat(Host(Kinds[4], registry.CompressionCodecs, assembly, location))
            .Concat(Host(Kinds[5], registry.SharingScanners, assembly, location))
            .Concat(Host(Kinds[6], registry.BackingStores, assembly, location));

    private static IEnumerable<PluginListing> Host<T>(string kind, IEnumerable<HostPluginDescriptor<T>> descriptors,
        string assembly, string location)
        where T : class =>
        descriptors.Select(d => new PluginListing(kind, d.Name, d.Description, d.Source, false, d.Options, assembly, location));
}
