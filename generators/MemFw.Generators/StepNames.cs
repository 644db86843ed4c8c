using MemFw.Generators.Model;

namespace MemFw.Generators;

/// <summary>The tracking names of the pipeline's steps, so tests can check which steps an edit re-ran.</summary>
/// <remarks>
/// Each kind has its own discovery step; the steps after it are named once and run for every kind, so a test sees
/// the runs of all kinds under one name.
/// </remarks>
internal static class StepNames
{
    /// <summary>Each class marked <c>[ReplacementPolicy]</c>, parsed into a plugin and its diagnostics.</summary>
    public const string ReplacementPolicies = nameof(ReplacementPolicies);

    /// <summary>Each class marked <c>[VictimSelector]</c>, parsed into a plugin and its diagnostics.</summary>
    public const string VictimSelectors = nameof(VictimSelectors);

    /// <summary>Each class marked <c>[BalloonStrategy]</c>, parsed into a plugin and its diagnostics.</summary>
    public const string BalloonStrategies = nameof(BalloonStrategies);

    /// <summary>Each class marked <c>[WorkingSetEstimator]</c>, parsed into a plugin and its diagnostics.</summary>
    public const string WorkingSetEstimators = nameof(WorkingSetEstimators);

    /// <summary>Each class marked <c>[CompressionCodec]</c>, parsed into a plugin and its diagnostics.</summary>
    public const string CompressionCodecs = nameof(CompressionCodecs);

    /// <summary>Each class marked <c>[SharingScanner]</c>, parsed into a plugin and its diagnostics.</summary>
    public const string SharingScanners = nameof(SharingScanners);

    /// <summary>Each class marked <c>[BackingStore]</c>, parsed into a plugin and its diagnostics.</summary>
    public const string BackingStores = nameof(BackingStores);

    /// <summary>The diagnostics of every parsed class.</summary>
    public const string PluginDiagnostics = nameof(PluginDiagnostics);

    /// <summary>The plugins without errors: one generated binder each, and dispatch for a replacement policy.</summary>
    public const string ValidPlugins = nameof(ValidPlugins);

    /// <summary>The valid plugins with their locations, input of the registry.</summary>
    public const string LocatedPlugins = nameof(LocatedPlugins);

    /// <summary>The registry of the assembly: plugins of every kind in name order, and name clashes.</summary>
    public const string Registry = nameof(Registry);

    /// <summary>The discovery step of <paramref name="kind"/>.</summary>
    public static string Of(PluginKind kind) => kind switch
    {
        PluginKind.VictimSelector => VictimSelectors,
        PluginKind.BalloonStrategy => BalloonStrategies,
        PluginKind.WorkingSetEstimator => WorkingSetEstimators,
        PluginKind.CompressionCodec => CompressionCodecs,
        PluginKind.SharingScanner => SharingScanners,
        PluginKind.BackingStore => BackingStores,
        _ => ReplacementPolicies,
    };
}
