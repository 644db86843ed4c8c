namespace MemFw.Framework.Plugins;

/// <summary>
/// Marks a sealed class as a page-replacement policy plugin. The MemFw source generator finds it at compile time and
/// emits its registry entry, option binding and a replay loop specialized for it.
/// </summary>
/// <param name="name">The stable lower-kebab-case name users type (<c>clock</c>); never renamed after release.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
public sealed class ReplacementPolicyAttribute(string name) : Attribute
{
    /// <summary>The stable lower-kebab-case name.</summary>
    public string Name { get; } = name;

    /// <summary>A one-line description shown by <c>memfw plugins</c>.</summary>
    public string Description { get; init; } = "";

    /// <summary>The paper or system the policy follows, e.g. <c>Megiddo and Modha, FAST 2003</c>.</summary>
    public string Source { get; init; } = "";

    /// <summary>
    /// Whether the policy needs the future of the trace (Belady's OPT): the engine then precomputes, for each access,
    /// the position of the next access to the same page and offers it through <see cref="Replacement.ReplacementContext.NextUse"/>.
    /// </summary>
    public bool Offline { get; init; }
}
