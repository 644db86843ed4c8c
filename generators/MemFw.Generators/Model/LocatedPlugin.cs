namespace MemFw.Generators.Model;

/// <summary>A valid plugin and where it is declared, as the registry step receives it.</summary>
/// <param name="Plugin">The plugin.</param>
/// <param name="Location">Where its class is declared, for duplicate-name errors.</param>
internal sealed record LocatedPlugin(PluginModel Plugin, LocationInfo Location);
