using MemFw.Cli.Plugins;
using MemFw.Framework.Content.Backing;
using MemFw.Framework.Content.Compression;
using MemFw.Framework.Host;
using MemFw.Framework.Host.Engine;
using MemFw.Framework.Host.Scenarios;
using MemFw.Framework.Plugins;

namespace MemFw.Cli.Commands;

/// <summary>Binds a scenario's policy specs against the plugin catalog; errors name the scenario file and key.</summary>
internal static class ScenarioPolicies
{
    /// <summary>The bound policies of <paramref name="scenario"/>.</summary>
    /// <exception cref="ArgumentException">
    /// A policy is unknown, has a wrong option, or cannot run on a host; or the backing stores do not make a chain.
    /// </exception>
    public static HostPolicies Bind(PluginCatalog catalog, Scenario scenario)
    {
        var host = scenario.Host;
        return new HostPolicies(
            Replacement(catalog, scenario, "swap-policy", host.SwapPolicy),
            Replacement(catalog, scenario, "guest-policy", host.GuestPolicy),
            Host(catalog, scenario, "victim-selector", "victim selector", host.VictimSelector, r => r.VictimSelectors),
            host.Balloon is { } balloon
                ? Host(catalog, scenario, "balloon", "balloon strategy", balloon, r => r.BalloonStrategies)
                : null,
            Host(catalog, scenario, "working-set", "working-set estimator", host.WorkingSet,
                r => r.WorkingSetEstimators),
            BackingStores(catalog, scenario))
        {
            SharingScanner = host.Sharing.Scanner is { } scanner
                ? Host(catalog, scenario, "sharing.scanner", "sharing scanner", scanner, r => r.SharingScanners)
                : null,
            Codec = Host(catalog, scenario, "codec", "compression codec", host.Codec, r => r.CompressionCodecs),
        };
    }

    private static Framework.Replacement.IReplacementRunner Replacement(PluginCatalog catalog, Scenario scenario,
        string key, PolicySpec spec) => Checked(scenario, key, () =>
    {
        var plugin = catalog.FindReplacementPolicy(spec.Name);
        if (plugin.Descriptor.Offline)
        {
            throw new ArgumentException($"policy '{spec.Name}' needs the trace's future, which a host run cannot "
                + "give it (its VMs' accesses depend on the host's decisions); use it with memfw replay");
        }

        return plugin.Descriptor.Bind(spec.Values);
    });

    private static Func<HostPluginContext, T> Host<T>(PluginCatalog catalog, Scenario scenario, string key,
        string kind, PolicySpec spec, Func<IPluginRegistry, IReadOnlyList<HostPluginDescriptor<T>>> ofKind)
        where T : class =>
        Checked(scenario, key, () => catalog.FindHostPlugin(kind, spec.Name, ofKind).Bind(spec.Values));

    /// <summary>
    /// Binds each backing store, a store that names a codec taking that codec's measured speeds
    /// (<see cref="CodecSpeedOptions"/>), and checks that they make a chain, with stores created for the purpose.
    /// </summary>
    private static List<Func<HostPluginContext, IBackingStore>> BackingStores(PluginCatalog catalog,
        Scenario scenario)
    {
        var specs = scenario.Host.BackingStores;
        var stores = new List<Func<HostPluginContext, IBackingStore>>(specs.Count);
        foreach (var (spec, i) in specs.Select((s, i) => (s, i)))
        {
            stores.Add(Checked(scenario, specs.Count == 1 ? "backing-store" : $"backing-store[{i}]", () =>
            {
                var store = catalog.FindHostPlugin("backing store", spec.Name, r => r.BackingStores);
                var takesCodec = store.Options.Any(o => o.Name == CodecSpeedOptions.Codec);
                return store.Bind(CodecSpeedOptions.Resolve(spec, takesCodec, scenario.Host.Codec.Name,
                    name => Codec(catalog, name)).Values);
            }));
        }

        var context = new HostPluginContext(scenario.Seed, scenario.Host.RebalancePeriod);
        Checked(scenario, "backing-store",
            () => new BackingChain([.. specs.Select((s, i) => (s.Label, stores[i](context)))]));
        return stores;
    }

    private static ICompressionCodec Codec(PluginCatalog catalog, string name) =>
        catalog.FindHostPlugin("compression codec", name, r => r.CompressionCodecs).Bind(OptionValues.Empty)(
            new HostPluginContext(Seed: 0, RebalancePeriod: 1));

    private static T Checked<T>(Scenario scenario, string key, Func<T> bind)
    {
        try
        {
            return bind();
        }
        catch (Exception e) when (e is ArgumentException or PluginOptionException)
        {
            throw new ArgumentException($"{scenario.File}: host.{key}: {e.Message.Split(" (Parameter '")[0]}", nameof(scenario), e);
        }
    }
}
