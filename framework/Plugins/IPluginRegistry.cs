namespace MemFw.Framework.Plugins;

/// <summary>The plugins of one assembly, as the MemFw source generator emits them.</summary>
public interface IPluginRegistry
{
    /// <summary>The replacement policies of the assembly, in name order.</summary>
    IReadOnlyList<ReplacementPluginDescriptor> ReplacementPolicies { get; }
}
