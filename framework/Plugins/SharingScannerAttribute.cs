namespace MemFw.Framework.Plugins;

/// <summary>
/// Marks a sealed class implementing <see cref="Content.Sharing.ISharingScanner"/> as a page-sharing scanner plugin;
/// the MemFw source generator will emit its registry entry and option binding.
/// </summary>
/// <param name="name">The stable lower-kebab-case name users type (<c>ksm</c>); never renamed after release.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
public sealed class SharingScannerAttribute(string name) : Attribute
{
    /// <summary>The stable lower-kebab-case name.</summary>
    public string Name { get; } = name;

    /// <summary>A one-line description shown by <c>memfw plugins</c>.</summary>
    public string Description { get; init; } = "";

    /// <summary>The paper or system the plugin follows.</summary>
    public string Source { get; init; } = "";
}
