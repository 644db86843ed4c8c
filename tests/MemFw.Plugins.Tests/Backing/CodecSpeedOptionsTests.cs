using MemFw.Framework.Content.Backing;
using MemFw.Framework.Host;
using MemFw.Framework.Plugins;
using MemFw.Plugins.Backing;
using MemFw.Plugins.Compression;
using MemFw.Plugins.Tests.Compression;
using MemFw.Plugins.Tests.Host.Engine;

namespace MemFw.Plugins.Tests.Backing;

/// <summary>
/// compressed-ram's CPU cost from the codec its spec names: the binder passes that codec's measured speeds as the
/// store's speed options, and without a codec the store's defaults are lz4's.
/// </summary>
public sealed class CodecSpeedOptionsTests
{
    private static readonly SwapKey s_page = new(0, 1);

    [Fact]
    public void Resolve_SpecNamingACodec_CostsPagesAtThatCodecsSpeeds()
    {
        using var zstd = new ZstdCodec(new ZstdOptions());
        var spec = PolicySpec.Parse("compressed-ram:codec=zstd", "test");

        var resolved = CodecSpeedOptions.Resolve(spec, takesCodec: true, "lz4", name => Codecs.Create(name));

        // A page of 1000 bytes is kept after compressing 4096 bytes at zstd's speed and read back at its speed.
        var store = Create(resolved);
        Assert.Equal(new StoreOutcome(true, 4096 / zstd.CompressMbPerS), store.Store(s_page, 1, 1000));
        Assert.Equal(new LoadOutcome(true, 1, 4096 / zstd.DecompressMbPerS), store.Load(s_page));
    }

    [Fact]
    public void Resolve_SpeedTheSpecSets_WinsOverTheCodecs()
    {
        using var zstd = new ZstdCodec(new ZstdOptions());
        var spec = PolicySpec.Parse("compressed-ram:codec=zstd:compress-mb-per-s=100", "test");

        var store = Create(CodecSpeedOptions.Resolve(spec, takesCodec: true, "lz4", name => Codecs.Create(name)));

        Assert.Equal(new StoreOutcome(true, 4096 / 100.0), store.Store(s_page, 1, 1000));
        Assert.Equal(new LoadOutcome(true, 1, 4096 / zstd.DecompressMbPerS), store.Load(s_page));
    }

    [Fact]
    public void Resolve_SpecWithoutCodec_TakesTheScenariosCodec()
    {
        using var zstd = new ZstdCodec(new ZstdOptions());
        var spec = PolicySpec.Parse("compressed-ram:max-bytes=4096", "test");

        var store = Create(CodecSpeedOptions.Resolve(spec, takesCodec: true, "zstd", name => Codecs.Create(name)));

        Assert.Equal(new StoreOutcome(true, 4096 / zstd.CompressMbPerS), store.Store(s_page, 1, 3000));
    }

    [Fact]
    public void Resolve_StoreWithoutACodecOption_IsLeftAsItIs()
    {
        var spec = PolicySpec.Parse("disk:seek-us=5000", "test");

        var resolved = CodecSpeedOptions.Resolve(spec, takesCodec: false, "lz4",
            name => throw new InvalidOperationException($"no codec should be created, asked for {name}"));

        Assert.Same(spec, resolved);
    }

    [Fact]
    public void Resolve_UnknownCodec_FailsAsTheCodecLookupDoes()
    {
        var spec = PolicySpec.Parse("compressed-ram:codec=lz5", "test");

        var error = Assert.Throws<ArgumentException>(() => CodecSpeedOptions.Resolve(spec, takesCodec: true, "lz4",
            name => throw new ArgumentException($"unknown compression codec '{name}'")));

        Assert.Equal("unknown compression codec 'lz5'", error.Message);
    }

    [Fact]
    public void CompressedRamOptions_Defaults_AreTheDefaultCodecsMeasuredSpeeds()
    {
        var options = new CompressedRamOptions();
        var codec = Codecs.Create(options.Codec);

        Assert.Equal((codec.CompressMbPerS, codec.DecompressMbPerS), (options.CompressMbPerS, options.DecompressMbPerS));
    }

    private static IBackingStore Create(PolicySpec spec) =>
        HostRuns.Registry.BackingStores.Single(d => d.Name == spec.Name).Bind(spec.Values)(
            new HostPluginContext(Seed: 1, RebalancePeriod: 1));
}
