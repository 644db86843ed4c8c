namespace MemFw.Generators.Model;

/// <summary>The registry of one assembly: its plugins with unique names, in name order, and the name clashes.</summary>
/// <param name="Plugins">The plugins to register, ordered by name.</param>
/// <param name="Diagnostics">One error per plugin whose name another plugin of the assembly also uses.</param>
internal sealed record RegistryModel(EquatableArray<PluginModel> Plugins, EquatableArray<DiagnosticInfo> Diagnostics);
