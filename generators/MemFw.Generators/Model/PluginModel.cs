namespace MemFw.Generators.Model;

/// <summary>A valid replacement-policy plugin: everything the emitters need, as plain values.</summary>
/// <param name="Name">The registered kebab-case name.</param>
/// <param name="Description">The attribute's description.</param>
/// <param name="Source">The attribute's source (paper or system).</param>
/// <param name="Offline">Whether the policy reads the trace's future.</param>
/// <param name="TypeName">The plugin's full name without <c>global::</c> (<c>Lab.Policies.Aging</c>).</param>
/// <param name="FullyQualifiedType">The <c>global::</c>-qualified plugin type.</param>
/// <param name="Identifier">
/// The plugin's full name encoded as one identifier, unique per plugin type: the prefix of its generated types.
/// </param>
/// <param name="Options">The options record, or null when the constructor takes none.</param>
/// <param name="ConstructorArguments">The constructor's parameters, in order.</param>
/// <param name="DirectCalls">
/// Whether the interface members are public methods of the class (called directly); otherwise the dispatch calls
/// them through the interface, which the JIT still devirtualizes on a sealed class.
/// </param>
internal sealed record PluginModel(
    string Name,
    string Description,
    string Source,
    bool Offline,
    string TypeName,
    string FullyQualifiedType,
    string Identifier,
    OptionsModel? Options,
    EquatableArray<ConstructorArgument> ConstructorArguments,
    bool DirectCalls);
