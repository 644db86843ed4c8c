using MemFw.Cli.Plugins;
using MemFw.Framework.Host;
using MemFw.Framework.Host.Engine;
using MemFw.Framework.Host.Scenarios;
using MemFw.Framework.Plugins;

namespace MemFw.Cli.Commands;

/// <summary>Binds a scenario's policy specs against the plugin catalog; errors name the scenario file and key.</summary>
internal static class ScenarioPolicies
{
    /// <summary>The bound policies of <paramref name="scenario"/>.</summary>
    /// <exception cref="ArgumentException">A policy is unknown, has a wrong option, or cannot run on a host.</exception>
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
                r => r.WorkingSetEstimators))
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
