namespace MemFw.Generators.Model;

/// <summary>A valid plugin of any kind: everything the emitters need, as plain values.</summary>
/// <param name="Kind">Which kind attribute marks it.</param>
/// <param name="Name">The registered kebab-case name.</param>
/// <param name="Description">The attribute's description.</param>
/// <param name="Source">The attribute's source (paper or system).</param>
/// <param name="Offline">Whether the replacement policy reads the trace's future; false for host plugins.</param>
/// <param name="TypeName">The plugin's full name without <c>global::</c> (<c>Lab.Policies.Aging</c>).</param>
/// <param name="FullyQualifiedType">The <c>global::</c>-qualified plugin type.</param>
/// <param name="Identifier">
/// The plugin's full name encoded as one identifier, unique per plugin type: the prefix of its generated types.
/// </param>
/// <param name="Options">The options record, or null when the constructor takes none.</param>
/// <param name="ConstructorArguments">
/// The constructor's parameters, in order; <see cref="ConstructorArgument.Context"/> is the kind's context
/// (<c>ReplacementContext</c> or <c>HostPluginContext</c>).
/// </param>
/// <param name="DirectCalls">
/// Whether the interface members are public methods of the class (called directly); otherwise the dispatch calls
/// them through the interface, which the JIT still devirtualizes on a sealed class. Always false for host plugins,
/// which get no dispatch.
/// </param>
internal sealed record PluginModel(
    PluginKind Kind,
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
