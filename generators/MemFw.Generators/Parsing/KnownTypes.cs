using MemFw.Generators.Model;

namespace MemFw.Generators.Parsing;

/// <summary>The metadata names of the framework types the generator looks for.</summary>
internal static class KnownTypes
{
    /// <summary>The attribute marking a replacement-policy plugin.</summary>
    public const string ReplacementPolicyAttribute = "MemFw.Framework.Plugins.ReplacementPolicyAttribute";

    /// <summary>The attribute marking a victim-VM selector plugin.</summary>
    public const string VictimSelectorAttribute = "MemFw.Framework.Plugins.VictimSelectorAttribute";

    /// <summary>The attribute marking a balloon strategy plugin.</summary>
    public const string BalloonStrategyAttribute = "MemFw.Framework.Plugins.BalloonStrategyAttribute";

    /// <summary>The attribute marking a working-set estimator plugin.</summary>
    public const string WorkingSetEstimatorAttribute = "MemFw.Framework.Plugins.WorkingSetEstimatorAttribute";

    /// <summary>The attribute marking a compression codec plugin.</summary>
    public const string CompressionCodecAttribute = "MemFw.Framework.Plugins.CompressionCodecAttribute";

    /// <summary>The attribute marking a sharing scanner plugin.</summary>
    public const string SharingScannerAttribute = "MemFw.Framework.Plugins.SharingScannerAttribute";

    /// <summary>The attribute marking a backing store plugin.</summary>
    public const string BackingStoreAttribute = "MemFw.Framework.Plugins.BackingStoreAttribute";

    /// <summary>The contract a replacement policy implements.</summary>
    public const string ReplacementPolicy = "MemFw.Framework.Replacement.IReplacementPolicy";

    /// <summary>The contract a victim selector implements.</summary>
    public const string VictimSelector = "MemFw.Framework.Host.IVictimSelector";

    /// <summary>The contract a balloon strategy implements.</summary>
    public const string BalloonStrategy = "MemFw.Framework.Host.IBalloonStrategy";

    /// <summary>The contract a working-set estimator implements.</summary>
    public const string WorkingSetEstimator = "MemFw.Framework.Host.IWorkingSetEstimator";

    /// <summary>The contract a compression codec implements.</summary>
    public const string CompressionCodec = "MemFw.Framework.Content.Compression.ICompressionCodec";

    /// <summary>The contract a sharing scanner implements.</summary>
    public const string SharingScanner = "MemFw.Framework.Content.Sharing.ISharingScanner";

    /// <summary>The contract a backing store implements.</summary>
    public const string BackingStore = "MemFw.Framework.Content.Backing.IBackingStore";

    /// <summary>What a policy may take in its constructor besides its options.</summary>
    public const string ReplacementContext = "MemFw.Framework.Replacement.ReplacementContext";

    /// <summary>What a host plugin may take in its constructor besides its options.</summary>
    public const string HostPluginContext = "MemFw.Framework.Host.HostPluginContext";

    /// <summary>The attribute marking plugins of <paramref name="kind"/>.</summary>
    public static string Attribute(PluginKind kind) => kind switch
    {
        PluginKind.VictimSelector => VictimSelectorAttribute,
        PluginKind.BalloonStrategy => BalloonStrategyAttribute,
        PluginKind.WorkingSetEstimator => WorkingSetEstimatorAttribute,
        PluginKind.CompressionCodec => CompressionCodecAttribute,
        PluginKind.SharingScanner => SharingScannerAttribute,
        PluginKind.BackingStore => BackingStoreAttribute,
        _ => ReplacementPolicyAttribute,
    };

    /// <summary>The interface plugins of <paramref name="kind"/> implement.</summary>
    public static string Contract(PluginKind kind) => kind switch
    {
        PluginKind.VictimSelector => VictimSelector,
        PluginKind.BalloonStrategy => BalloonStrategy,
        PluginKind.WorkingSetEstimator => WorkingSetEstimator,
        PluginKind.CompressionCodec => CompressionCodec,
        PluginKind.SharingScanner => SharingScanner,
        PluginKind.BackingStore => BackingStore,
        _ => ReplacementPolicy,
    };

    /// <summary>The context type plugins of <paramref name="kind"/> may take in their constructor.</summary>
    public static string Context(PluginKind kind) =>
        kind.IsHostKind() ? HostPluginContext : ReplacementContext;

    /// <summary>The simple name of the context type of <paramref name="kind"/>, for messages.</summary>
    public static string ContextName(PluginKind kind)
    {
        var context = Context(kind);
        return context.Substring(context.LastIndexOf('.') + 1);
    }
}
