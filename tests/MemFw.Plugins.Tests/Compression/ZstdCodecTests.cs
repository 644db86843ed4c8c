using MemFw.Framework.Content.Compression;
using MemFw.Framework.Plugins;
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
    public void HigherLevel_NoLargerOnRealPages()
    {
        var fast = CodecMeasurement.Measure(Codecs.Create("zstd", ("level", "1")), Codecs.SomeSamplePages);
        var small = CodecMeasurement.Measure(Codecs.Create("zstd", ("level", "12")), Codecs.SomeSamplePages);

        Assert.True(small.CompressedBytes < fast.CompressedBytes, $"{small.CompressedBytes} vs {fast.CompressedBytes}");
    }

    [Fact]
    public void Level_DefaultsToThree() =>
        Assert.Equal("3", Assert.Single(new Generated.MemFwPluginRegistry().CompressionCodecs
            .Single(d => d.Name == "zstd").Options).DefaultValue);

    [Theory]
    [InlineData("0")]
    [InlineData("23")]
    public void Level_OutOfRange_RejectedNamingTheCodec(string level) =>
        Assert.StartsWith("compression codec 'zstd': option 'level' does not accept",
            Assert.Throws<PluginOptionException>(() => Codecs.Create("zstd", ("level", level))).Message,
            StringComparison.Ordinal);

    [Fact]
    public void Dispose_FreesTheContexts()
    {
        var codec = new ZstdCodec(new ZstdOptions());
        var destination = new byte[codec.MaxCompressedLength(3)];

        codec.Dispose();

        Assert.Throws<ObjectDisposedException>(() => codec.Compress([1, 2, 3], destination));
    }
}
