using MemFw.Cli.Plugins;
using MemFw.Framework.Plugins;
using MemFw.Framework.Replacement;
using MemFw.Framework.Replay;

namespace MemFw.Cli.Commands;

/// <summary>A policy looked up and bound to its options, ready to replay; failures name the plugin and its assembly.</summary>
internal sealed class PolicyRun
{
    private readonly LoadedPlugin _plugin;
    private readonly IReplacementRunner _runner;

    private PolicyRun(PolicySpec spec, LoadedPlugin plugin, IReplacementRunner runner)
    {
        Spec = spec;
        _plugin = plugin;
        _runner = runner;
    }

    /// <summary>The policy as chosen on the command line.</summary>
    public PolicySpec Spec { get; }

    /// <summary>Looks up and binds <paramref name="spec"/>.</summary>
    /// <exception cref="ArgumentException">The policy is unknown or an option is wrong.</exception>
    public static PolicyRun Bind(PluginCatalog catalog, PolicySpec spec)
    {
        var plugin = catalog.FindReplacementPolicy(spec.Name);
        try
        {
            return new PolicyRun(spec, plugin, plugin.Descriptor.Bind(spec.Values));
        }
        catch (PluginOptionException e)
        {
            throw new ArgumentException(e.Message, nameof(spec), e);
        }
    }

    /// <summary>Replays <paramref name="form"/>; an exception thrown by the plugin is reported with its name and assembly.</summary>
    public ReplayResult Run(ReplayForm form, ReplaySettings settings)
    {
        try
        {
            return _runner.Run(form, settings) with { Policy = Spec.Label };
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            throw new PluginLoadException(
                $"policy '{Spec.Name}' ({_plugin.Assembly}, {_plugin.Location}) failed: {e.GetType().Name}: {e.Message}", e);
        }
    }
}
