namespace MemFw.Generators;

/// <summary>The tracking names of the pipeline's steps, so tests can check which steps an edit re-ran.</summary>
internal static class StepNames
{
    /// <summary>Each class marked <c>[ReplacementPolicy]</c>, parsed into a plugin and its diagnostics.</summary>
    public const string Plugins = nameof(Plugins);

    /// <summary>The diagnostics of every parsed class.</summary>
    public const string PluginDiagnostics = nameof(PluginDiagnostics);

    /// <summary>The plugins without errors, one generated binder and dispatch file each.</summary>
    public const string ValidPlugins = nameof(ValidPlugins);

    /// <summary>The valid plugins with their locations, input of the registry.</summary>
    public const string LocatedPlugins = nameof(LocatedPlugins);

    /// <summary>The registry of the assembly: plugins in name order and name clashes.</summary>
    public const string Registry = nameof(Registry);
}
