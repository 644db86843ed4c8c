using MemFw.Plugins.Compression;

namespace MemFw.Plugins.Tests.Compression;

/// <summary>The zstd codec: whole Zstandard frames (RFC 8878), its level option, and its native contexts.</summary>
public sealed class ZstdCodecTests
{
    [Fact]
    public void Compress_WritesAFrameStartingWithTheMagicNumber()
    {
        // RFC 8878 section 3.1.1: every frame starts with 0xFD2FB528, little-endian.
        var compressed = Codecs.Compress(Codecs.Create("zstd"), Codecs.TextPage(seed: 3));

        Assert.Equal([0x28, 0xB5, 0x2F, 0xFD], compressed[..4]);
    }

    [Fact]
    public void Level_DefaultsToThree() =>
        Assert.Equal("3", Assert.Single(new Generated.MemFwPluginRegistry().CompressionCodecs
            .Single(d => d.Name == "zstd").Options).DefaultValue);

    [Fact]
    public void Dispose_FreesTheContexts()
    {
        var codec = new ZstdCodec(new ZstdOptions());
        var destination = new byte[codec.MaxCompressedLength(3)];

        codec.Dispose();

        Assert.Throws<ObjectDisposedException>(() => codec.Compress([1, 2, 3], destination));
    }
}
