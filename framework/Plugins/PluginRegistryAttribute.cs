namespace MemFw.Framework.Plugins;

/// <summary>
/// Names the generated <see cref="IPluginRegistry"/> of an assembly, so a host finds the plugins of an assembly it
/// loads (built-in or third-party) with one attribute lookup and no scanning.
/// </summary>
/// <param name="registryType">The generated registry type; it has a public parameterless constructor.</param>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class PluginRegistryAttribute(Type registryType) : Attribute
{
    /// <summary>The generated registry type.</summary>
    public Type RegistryType { get; } = registryType;
}
