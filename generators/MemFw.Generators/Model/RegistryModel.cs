namespace MemFw.Generators.Model;

/// <summary>
/// The registry of one assembly: its plugins, names unique within each kind, and the name clashes.
/// </summary>
/// <param name="Plugins">The plugins to register, ordered by kind, then by name.</param>
/// <param name="Diagnostics">One error per plugin whose name another plugin of the same kind also uses.</param>
internal sealed record RegistryModel(EquatableArray<PluginModel> Plugins, EquatableArray<DiagnosticInfo> Diagnostics);
