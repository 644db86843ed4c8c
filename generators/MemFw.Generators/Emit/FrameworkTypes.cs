using MemFw.Generators.Model;
using MemFw.Generators.Parsing;

namespace MemFw.Generators.Emit;

/// <summary>The framework types generated code names, <c>global::</c>-qualified.</summary>
internal static class FrameworkTypes
{
    /// <summary>The assembly attribute naming the registry (without the <c>Attribute</c> suffix).</summary>
    public const string PluginRegistryAttribute = "global::MemFw.Framework.Plugins.PluginRegistry";

    /// <summary>The registry contract.</summary>
    public const string PluginRegistry = "global::MemFw.Framework.Plugins.IPluginRegistry";

    /// <summary>A replacement policy's registry entry.</summary>
    public const string PluginDescriptor = "global::MemFw.Framework.Plugins.ReplacementPluginDescriptor";

    /// <summary>A host plugin's registry entry, generic over the kind's contract.</summary>
    public const string HostPluginDescriptor = "global::MemFw.Framework.Plugins.HostPluginDescriptor";

    /// <summary>An option's registry entry.</summary>
    public const string OptionDescriptor = "global::MemFw.Framework.Plugins.OptionDescriptor";

    /// <summary>Option text given on the command line.</summary>
    public const string OptionValues = "global::MemFw.Framework.Plugins.OptionValues";

    /// <summary>The error of an unknown, malformed or invalid option.</summary>
    public const string PluginOptionException = "global::MemFw.Framework.Plugins.PluginOptionException";

    /// <summary>The policy contract.</summary>
    public const string ReplacementPolicy = "global::" + KnownTypes.ReplacementPolicy;

    /// <summary>The runner contract.</summary>
    public const string ReplacementRunner = "global::MemFw.Framework.Replacement.IReplacementRunner";

    /// <summary>The visitor a runner hands its dispatch type to.</summary>
    public const string ReplacementVisitor = "global::MemFw.Framework.Replacement.IReplacementVisitor";

    /// <summary>The replay entry point.</summary>
    public const string ReplaySession = "global::MemFw.Framework.Replay.ReplaySession";

    /// <summary>The accesses to replay.</summary>
    public const string ReplayForm = "global::MemFw.Framework.Replay.ReplayForm";

    /// <summary>Frames and periods of a replay.</summary>
    public const string ReplaySettings = "global::MemFw.Framework.Replay.ReplaySettings";

    /// <summary>What a replay measured.</summary>
    public const string ReplayResult = "global::MemFw.Framework.Replay.ReplayResult";

    /// <summary>The contract plugins of <paramref name="kind"/> implement, <c>global::</c>-qualified.</summary>
    public static string Contract(PluginKind kind) => "global::" + KnownTypes.Contract(kind);
}
