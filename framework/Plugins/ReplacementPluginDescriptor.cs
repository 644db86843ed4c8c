using MemFw.Framework.Replacement;

namespace MemFw.Framework.Plugins;

/// <summary>A replacement policy plugin as its generated registry describes it.</summary>
/// <param name="Name">The stable kebab-case name.</param>
/// <param name="Description">The one-line description.</param>
/// <param name="Source">The paper or system it follows.</param>
/// <param name="Offline">Whether it needs the trace's future (OPT).</param>
/// <param name="TypeName">The full name of the plugin class.</param>
/// <param name="Options">Its options, in declaration order.</param>
/// <param name="Bind">Binds option text to the options record (validating it) and returns a runner.</param>
public sealed record ReplacementPluginDescriptor(
    string Name,
    string Description,
    string Source,
    bool Offline,
    string TypeName,
    IReadOnlyList<OptionDescriptor> Options,
    Func<OptionValues, IReplacementRunner> Bind);
