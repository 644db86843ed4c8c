using MemFw.Framework.Content.Compression;
using MemFw.Framework.Plugins;

namespace MemFw.Plugins.Tests.Compression;

/// <summary>
/// The <c>level</c> option of the library codecs: its range, and that a higher level packs real pages tighter.
/// </summary>
public sealed class CodecLevelTests
{
    [Theory]
    [InlineData("lz4", "1", "9")]
    [InlineData("zstd", "1", "12")]
    public void HigherLevel_SmallerOnRealPages(string codec, string low, string high)
    {
        var fast = CodecMeasurement.Measure(Codecs.Create(codec, ("level", low)), Codecs.SomeSamplePages);
        var tight = CodecMeasurement.Measure(Codecs.Create(codec, ("level", high)), Codecs.SomeSamplePages);

        Assert.True(tight.CompressedBytes < fast.CompressedBytes, $"{tight.CompressedBytes} vs {fast.CompressedBytes}");
    }

    [Theory]
    [InlineData("lz4", "0")]
    [InlineData("lz4", "13")]
    [InlineData("zstd", "0")]
    [InlineData("zstd", "23")]
    public void Level_OutOfRange_RejectedNamingTheCodec(string codec, string level) =>
        Assert.StartsWith($"compression codec '{codec}': option 'level' does not accept",
            Assert.Throws<PluginOptionException>(() => Codecs.Create(codec, ("level", level))).Message,
            StringComparison.Ordinal);
}
