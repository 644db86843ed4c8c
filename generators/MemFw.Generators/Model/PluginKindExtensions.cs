using System.Collections.Immutable;

namespace MemFw.Generators.Model;

/// <summary>How messages and generated code name each <see cref="PluginKind"/>.</summary>
internal static class PluginKindExtensions
{
    /// <summary>Every kind, in registry order.</summary>
    public static ImmutableArray<PluginKind> All { get; } = ImmutableArray.Create(
        PluginKind.ReplacementPolicy,
        PluginKind.VictimSelector,
        PluginKind.BalloonStrategy,
        PluginKind.WorkingSetEstimator,
        PluginKind.CompressionCodec,
        PluginKind.SharingScanner,
        PluginKind.BackingStore);

    /// <summary>
    /// Whether plugins of <paramref name="kind"/> are created with a <c>HostPluginContext</c> and listed as
    /// <c>HostPluginDescriptor</c>s: every kind but replacement policies.
    /// </summary>
    public static bool IsHostKind(this PluginKind kind) => kind != PluginKind.ReplacementPolicy;

    /// <summary>The kind in lower case, as messages name it (<c>victim selector</c>).</summary>
    public static string Noun(this PluginKind kind) => kind switch
    {
        PluginKind.VictimSelector => "victim selector",
        PluginKind.BalloonStrategy => "balloon strategy",
        PluginKind.WorkingSetEstimator => "working-set estimator",
        PluginKind.CompressionCodec => "compression codec",
        PluginKind.SharingScanner => "sharing scanner",
        PluginKind.BackingStore => "backing store",
        _ => "replacement policy",
    };

    /// <summary>The kind capitalized, to start a message (<c>Victim selector</c>).</summary>
    public static string Title(this PluginKind kind)
    {
        var noun = kind.Noun();
        return char.ToUpperInvariant(noun[0]) + noun.Substring(1);
    }

    /// <summary>The kind's attribute as users write it, without brackets (<c>VictimSelector</c>).</summary>
    public static string AttributeName(this PluginKind kind) => kind.ToString();

    /// <summary>
    /// How option errors name a plugin of the kind: <c>policy</c> for replacement policies, as the command line has
    /// always printed, otherwise the noun.
    /// </summary>
    public static string OptionErrorNoun(this PluginKind kind) =>
        kind == PluginKind.ReplacementPolicy ? "policy" : kind.Noun();
}
