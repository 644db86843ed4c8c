using System.Reflection;
using MemFw.Framework.Plugins;
using MemFw.Plugins.Replacement;

namespace MemFw.Benchmarks.Replay;

/// <summary>The built-in policies as the CLI reaches them: through the generated registry of MemFw.Plugins.</summary>
internal static class BuiltInPolicies
{
    /// <summary>The generated registry, found through its assembly attribute.</summary>
    public static IPluginRegistry Registry { get; } = (IPluginRegistry)Activator.CreateInstance(
        typeof(LruPolicy).Assembly.GetCustomAttribute<PluginRegistryAttribute>()!.RegistryType)!;

    /// <summary>The descriptor of policy <paramref name="name"/>.</summary>
    public static ReplacementPluginDescriptor Get(string name) =>
        Registry.ReplacementPolicies.First(p => p.Name == name);

    /// <summary>Every built-in policy name.</summary>
    public static IEnumerable<string> Names => Registry.ReplacementPolicies.Select(p => p.Name);
}
