namespace MemFw.Framework.Plugins;

/// <summary>
/// Marks a sealed class implementing <see cref="Content.Backing.IBackingStore"/> as a backing-store plugin: where
/// swapped pages go (disk, SSD, compressed RAM, transcendent memory).
/// </summary>
/// <param name="name">The stable lower-kebab-case name users type (<c>disk</c>); never renamed after release.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
public sealed class BackingStoreAttribute(string name) : Attribute
{
    /// <summary>The stable lower-kebab-case name.</summary>
    public string Name { get; } = name;

    /// <summary>A one-line description shown by <c>memfw plugins</c>.</summary>
    public string Description { get; init; } = "";

    /// <summary>The paper or system the plugin follows.</summary>
    public string Source { get; init; } = "";
}
