namespace MemFw.Generators.Parsing;

/// <summary>The metadata names of the framework types the generator looks for.</summary>
internal static class KnownTypes
{
    /// <summary>The attribute marking a replacement-policy plugin.</summary>
    public const string ReplacementPolicyAttribute = "MemFw.Framework.Plugins.ReplacementPolicyAttribute";

    /// <summary>The contract a replacement policy implements.</summary>
    public const string ReplacementPolicy = "MemFw.Framework.Replacement.IReplacementPolicy";

    /// <summary>What a policy may take in its constructor besides its options.</summary>
    public const string ReplacementContext = "MemFw.Framework.Replacement.ReplacementContext";
}
