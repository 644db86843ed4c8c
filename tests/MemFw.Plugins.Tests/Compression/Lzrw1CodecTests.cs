using MemFw.Plugins.Compression;

namespace MemFw.Plugins.Tests.Compression;

/// <summary>
/// LZRW1's bytes on small inputs, derived by hand from the format in <see cref="Lzrw1Codec"/>'s remarks: a 4-byte
/// flag, then groups of a little-endian control word (bit i set = item i is a copy) and up to 16 items; a literal is
/// its byte, a copy is <c>[offset bits 11-8 | length - 3] [offset bits 7-0]</c>.
/// </summary>
public sealed class Lzrw1CodecTests
{
    private readonly Lzrw1Codec _codec = new();

    [Fact]
    public void Compress_TenAs_OneLiteralThenACopyOfNineAtOffsetOne()
    {
        // Position 0: the table is empty: literal 'a', table[hash("aaa")] = 0. Position 1: hash("aaa") gives 0,
        // offset 1; the match runs to the end of the input: 9 bytes (the cap is 18). Items: literal, copy, so
        // control bits 0b10 = 0x0002. Copy: offset 1 = 0x001, length 9 - 3 = 6: bytes 0x06, 0x01.
        byte[] expected = [0, 0, 0, 0, 0x02, 0x00, (byte)'a', 0x06, 0x01];

        Assert.Equal(expected, Codecs.Compress(_codec, "aaaaaaaaaa"u8));
        Assert.Equal("aaaaaaaaaa"u8.ToArray(), Codecs.Decompress(_codec, expected));
    }

    [Fact]
    public void Compress_AbcFourTimes_ThreeLiteralsThenACopyOfNineAtOffsetThree()
    {
        // The three hashes differ (premise checked below), so positions 0, 1, 2 find empty entries: literals a, b, c.
        // Position 3: hash("abc") gives 0, offset 3; "abcabcabc" matches to the end: 9 bytes. Items: three literals
        // and a copy, control 0b1000 = 0x0008. Copy: offset 3, length 9 - 3 = 6: bytes 0x06, 0x03.
        Assert.Equal(3, new[] { Lzrw1Codec.Hash(0x61, 0x62, 0x63), Lzrw1Codec.Hash(0x62, 0x63, 0x61),
            Lzrw1Codec.Hash(0x63, 0x61, 0x62) }.Distinct().Count());
        byte[] expected = [0, 0, 0, 0, 0x08, 0x00, (byte)'a', (byte)'b', (byte)'c', 0x06, 0x03];

        Assert.Equal(expected, Codecs.Compress(_codec, "abcabcabcabc"u8));
        Assert.Equal("abcabcabcabc"u8.ToArray(), Codecs.Decompress(_codec, expected));
    }

    [Fact]
    public void Compress_ZeroPage_AllItemsByHand()
    {
        // Position 0: literal 0. Position 1: offset 1, 18 bytes (the cap). Each later copy starts 18 bytes after the
        // previous one, which the table holds: offset 18, 18 bytes. 4095 bytes after the literal = 227 * 18 + 9: 227
        // full copies (the first at offset 1), then 9 bytes at offset 18. Items: 1 + 228 = 229 = 14 groups of 16 and
        // one of 5. Control words: FFFE (literal first), 13 x FFFF, 001F.
        var expected = new List<byte> { 0, 0, 0, 0 };
        List<byte[]> items = [[0x00], [0x0F, 0x01], .. Enumerable.Repeat<byte[]>([0x0F, 0x12], 226), [0x06, 0x12]];
        for (var group = 0; group * 16 < items.Count; group++)
        {
            var members = items.Skip(group * 16).Take(16).ToList();
            var control = group == 0 ? 0xFFFE : (1 << members.Count) - 1;
            expected.AddRange([(byte)control, (byte)(control >> 8)]);
            expected.AddRange(members.SelectMany(item => item));
        }

        var zero = new byte[Codecs.PageSize];
        var compressed = Codecs.Compress(_codec, zero);

        Assert.Equal(4 + 15 * 2 + 1 + 228 * 2, expected.Count);
        Assert.Equal(expected, compressed);
        Assert.Equal(zero, Codecs.Decompress(_codec, compressed));
    }

    [Fact]
    public void Compress_EmptyInput_OnlyTheFlag() =>
        Assert.Equal([0, 0, 0, 0], Codecs.Compress(_codec, []));

    [Fact]
    public void Compress_Abc_StoredBehindTheCopyFlag()
    {
        // Items would take a control word and three literals, 5 bytes for 3: the copy flag and the input instead.
        byte[] expected = [1, 0, 0, 0, (byte)'a', (byte)'b', (byte)'c'];

        Assert.Equal(expected, Codecs.Compress(_codec, "abc"u8));
        Assert.Equal("abc"u8.ToArray(), Codecs.Decompress(_codec, expected));
    }

    [Fact]
    public void Compress_RandomPage_StoredAtFourBytesMore()
    {
        var page = Codecs.Random(Codecs.PageSize, seed: 1);

        var compressed = Codecs.Compress(_codec, page);

        Assert.Equal([1, 0, 0, 0], compressed[..4]);
        Assert.Equal(page, compressed[4..]);
    }

    [Fact]
    public void Decompress_TwoGroups_ContinuesWithTheSecondControlWord()
    {
        // Group 1: 16 literals 'a'..'p'. Group 2 (control 0x0001): a copy of 5 bytes at offset 16 ("abcde").
        var input = new List<byte> { 0, 0, 0, 0, 0x00, 0x00 };
        input.AddRange("abcdefghijklmnop"u8.ToArray());
        input.AddRange([0x01, 0x00, 0x02, 0x10]);

        Assert.Equal("abcdefghijklmnopabcde"u8.ToArray(), Codecs.Decompress(_codec, input.ToArray()));
    }

    [Theory]
    [InlineData(new byte[] { 0, 0, 0 }, "shorter than the flag")]
    [InlineData(new byte[] { 2, 0, 0, 0, 0x61 }, "unknown flag")]
    [InlineData(new byte[] { 0, 1, 0, 0, 0x61 }, "unknown flag")]
    [InlineData(new byte[] { 0, 0, 0, 0, 0x00, 0x00 }, "without an item")]
    [InlineData(new byte[] { 0, 0, 0, 0, 0x01, 0x00, 0x06 }, "inside a copy item")]
    [InlineData(new byte[] { 0, 0, 0, 0, 0x02, 0x00, 0x61, 0x00, 0x02 }, "outside the output")]
    [InlineData(new byte[] { 0, 0, 0, 0, 0x01, 0x00, 0x00, 0x00 }, "outside the output")]
    public void Decompress_Corrupt_SaysWhy(byte[] input, string problem)
    {
        var exception = Assert.Throws<InvalidDataException>(() => Codecs.Decompress(_codec, input));

        Assert.Contains(problem, exception.Message, StringComparison.Ordinal);
    }
}
