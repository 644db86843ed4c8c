using MemFw.Framework.Host;
using MemFw.Framework.Plugins;
using Snapshooter;
using Snapshooter.Xunit;

namespace MemFw.Generators.Tests;

/// <summary>
/// Compression codecs: a registry list of <c>HostPluginDescriptor&lt;ICompressionCodec&gt;</c> and an option binder
/// per codec, no dispatch; the generated code compiled, loaded and called.
/// </summary>
public sealed class CodecPluginGeneratorTests
{
    private static readonly Lazy<GeneratorRun> s_codec = new(() => GeneratorHarness.Run(HostPluginTestSources.Codec));

    private static readonly Lazy<IPluginRegistry> s_registry =
        new(() => GeneratorHarness.LoadRegistry(HostPluginTestSources.Codec));

    private static readonly HostPluginContext s_context = new(Seed: 1, RebalancePeriod: 1000);

    [Fact]
    public void Generate_Codec_EmitsRegistryAndItsBinder()
    {
        Assert.Empty(s_codec.Value.Diagnostics);
        Assert.Equal(["Lab_Codecs_RunLengthCodecOptionBinder.g.cs", "MemFwPluginRegistry.g.cs"],
            s_codec.Value.HintNames);
        Assert.Empty(s_codec.Value.CompilerProblems());
    }

    [Theory]
    [InlineData("MemFwPluginRegistry.g.cs")]
    [InlineData("Lab_Codecs_RunLengthCodecOptionBinder.g.cs")]
    public void Generate_Codec_MatchesSnapshot(string hintName) =>
        Snapshot.Match(s_codec.Value.Source(hintName), SnapshotNameExtension.Create(hintName));

    [Fact]
    public void Generate_CodecOnly_ImplementsOnlyItsList()
    {
        var registry = s_codec.Value.Source("MemFwPluginRegistry.g.cs");

        Assert.Contains(" CompressionCodecs => s_compressionCodecs;", registry, StringComparison.Ordinal);
        Assert.DoesNotContain("VictimSelectors", registry, StringComparison.Ordinal);
        Assert.DoesNotContain("BalloonStrategies", registry, StringComparison.Ordinal);
        Assert.DoesNotContain("WorkingSetEstimators", registry, StringComparison.Ordinal);
    }

    [Fact]
    public void Registry_ListsTheCodecWithItsOption()
    {
        var codec = Assert.Single(s_registry.Value.CompressionCodecs);

        Assert.Equal(("run-length", "Runs of one byte as (count, byte) pairs", "Tests", "Lab.Codecs.RunLengthCodec"),
            (codec.Name, codec.Description, codec.Source, codec.TypeName));
        Assert.Equal(
            [new OptionDescriptor("max-run", "int", "255", "The longest run one pair encodes, 1 to 255. Default 255.")],
            codec.Options);
        Assert.Empty(s_registry.Value.ReplacementPolicies);
    }

    [Fact]
    public void Bind_MaxRun_ReachesTheCodec()
    {
        var codec = s_registry.Value.CompressionCodecs[0]
            .Bind(new OptionValues([KeyValuePair.Create("max-run", "3")]))(s_context);
        var compressed = new byte[10];
        var restored = new byte[5];

        // Five 'a' bytes in runs of at most 3: (3, 'a'), (2, 'a').
        var length = codec.Compress("aaaaa"u8, compressed);

        Assert.Equal([3, (byte)'a', 2, (byte)'a'], compressed[..length]);
        Assert.Equal(5, codec.Decompress(compressed.AsSpan(0, length), restored));
        Assert.Equal("aaaaa"u8.ToArray(), restored);
    }

    [Fact]
    public void Bind_UnknownOption_ThrowsNamingTheKind() =>
        Assert.Equal(
            "compression codec 'run-length': unknown option 'level'; options: max-run",
            Assert.Throws<PluginOptionException>(() => s_registry.Value.CompressionCodecs[0]
                .Bind(new OptionValues([KeyValuePair.Create("level", "1")]))).Message);
}
