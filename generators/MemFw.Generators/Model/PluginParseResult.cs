namespace MemFw.Generators.Model;

/// <summary>What parsing one class marked as a plugin found.</summary>
/// <param name="Plugin">The plugin, or null when an error was found.</param>
/// <param name="Location">Where the class is declared (its identifier).</param>
/// <param name="Diagnostics">The errors and warnings found.</param>
internal sealed record PluginParseResult(
    PluginModel? Plugin,
    LocationInfo Location,
    EquatableArray<DiagnosticInfo> Diagnostics);
