namespace MemFw.Plugins.Tests.Compression;

/// <summary>
/// The LZ4 codec against the LZ4 block format (lz4's doc/lz4_Block_format.md): sequences of a token (literal length
/// high nibble, match length - 4 low nibble, 15 meaning "more bytes follow, 255 each until one is smaller"),
/// literals, a 2-byte little-endian offset and the extra match length; the last 5 bytes are always literals.
/// </summary>
public sealed class Lz4CodecTests
{
    [Fact]
    public void Compress_ZeroPage_OneLongMatchAndFiveLastLiterals()
    {
        // One literal 0, then a match at offset 1 up to 5 bytes before the end: 4096 - 1 - 5 = 4090 bytes, coded
        // 4090 - 4 = 4086 = 15 in the token + 15 x 255 + 246. Then the last sequence: 5 literals, token 0x50.
        byte[] expected = [0x1F, 0x00, 0x01, 0x00, .. Enumerable.Repeat((byte)0xFF, 15), 0xF6, 0x50, 0, 0, 0, 0, 0];

        var compressed = Codecs.Compress(Codecs.Create("lz4"), new byte[Codecs.PageSize]);

        Assert.Equal(26, expected.Length);
        Assert.Equal(expected, compressed);
    }

    [Fact]
    public void Decompress_HandWrittenBlock_LiteralsThenAnOverlappingMatch()
    {
        // Token 0x32: 3 literals "abc", match length 2 + 4 = 6 at offset 3 ("abcabc"); then 5 last literals.
        byte[] block = [0x32, .. "abc"u8, 0x03, 0x00, 0x50, .. "hello"u8];

        Assert.Equal("abcabcabchello"u8.ToArray(), Codecs.Decompress(Codecs.Create("lz4"), block));
    }

    [Fact]
    public void Decompress_OffsetBeforeTheStart_ThrowsInvalidData()
    {
        byte[] block = [0x12, (byte)'a', 0x05, 0x00, 0x50, .. "hello"u8];

        Assert.Throws<InvalidDataException>(() => Codecs.Decompress(Codecs.Create("lz4"), block));
    }
}
