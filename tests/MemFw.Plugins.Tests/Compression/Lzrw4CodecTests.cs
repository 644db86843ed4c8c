using MemFw.Plugins.Compression;

namespace MemFw.Plugins.Tests.Compression;

/// <summary>
/// LZRW4's bytes on small inputs, derived by hand from the format in <see cref="Lzrw4Codec"/>'s remarks: a flag
/// byte, then literal runs (tag <c>n - 1</c>, n bytes) and one-byte copies <c>1ssLLLLL</c> (member s of the
/// context's partition, length L + 3). The context is the previous 4 bytes, zeros before the start.
/// </summary>
public sealed class Lzrw4CodecTests
{
    private readonly Lzrw4Codec _codec = new();

    [Fact]
    public void Compress_TenAs_FiveLiteralsThenACopyOfFive()
    {
        // Contexts at positions 0..4: 0, 0x61, 0x6161, 0x616161, 0x61616161, each a partition of its own (premise),
        // all empty: five literals. Position 5 has context 0x61616161 again, whose partition holds position 4: the
        // match runs to the end, 5 bytes: copy of member 0, length 5 - 3 = 2: 0x82.
        AssertDistinctPartitions(0, 0x61, 0x6161, 0x616161, 0x61616161);
        byte[] expected = [0, 0x04, .. "aaaaa"u8, 0x82];

        Assert.Equal(expected, Codecs.Compress(_codec, "aaaaaaaaaa"u8));
        Assert.Equal("aaaaaaaaaa"u8.ToArray(), Codecs.Decompress(_codec, expected));
    }

    [Fact]
    public void Compress_AbcFourTimes_SevenLiteralsThenACopyOfFive()
    {
        // Contexts at positions 0..6 ("", a, ab, abc, abca, bcab, cabc) are new: seven literals. Position 7 has
        // context "abca", as position 4 had: the match from 4 runs to the end, 5 bytes: 0x82.
        AssertDistinctPartitions(0, 0x61, 0x6162, 0x616263, 0x61626361, 0x62636162, 0x63616263);
        byte[] expected = [0, 0x06, .. "abcabca"u8, 0x82];

        Assert.Equal(expected, Codecs.Compress(_codec, "abcabcabcabc"u8));
        Assert.Equal("abcabcabcabc"u8.ToArray(), Codecs.Decompress(_codec, expected));
    }

    [Fact]
    public void Compress_ZeroPage_OneLiteralThenCopiesOf34()
    {
        // Position 0: context 0 (the zeros before the start), empty partition: a literal run of one zero byte.
        // Position 1: the same context holds position 0: 34 bytes (the cap), member 0: 0x80 | 31 = 0x9F. Every later
        // copy does the same from the most recent position. 4095 = 120 * 34 + 15: 120 copies 0x9F, then 15 bytes:
        // 0x80 | 12 = 0x8C.
        byte[] expected = [0, 0x00, 0x00, .. Enumerable.Repeat((byte)0x9F, 120), 0x8C];
        var zero = new byte[Codecs.PageSize];

        var compressed = Codecs.Compress(_codec, zero);

        Assert.Equal(124, expected.Length);
        Assert.Equal(expected, compressed);
        Assert.Equal(zero, Codecs.Decompress(_codec, compressed));
    }

    [Fact]
    public void Compress_LongLiteralStretch_NewTagAfter128Bytes()
    {
        // Bytes 0, 1, ..., 199 twice. No three bytes repeat within the first 200, so no copy can start before
        // position 200, whatever the partitions hold: the first run is cut at 128 literals, tag 0x7F.
        var head = Enumerable.Range(0, 200).Select(i => (byte)i).ToArray();
        byte[] input = [.. head, .. head];

        var compressed = Codecs.Compress(_codec, input);

        Assert.Equal([0, 0x7F, .. head[..128]], compressed[..130]);
        Assert.True(compressed[130] < 0x80, "a second literal run follows");
        Assert.Equal(input, Codecs.Decompress(_codec, compressed));
    }

    [Fact]
    public void Compress_EmptyInput_OnlyTheFlag() =>
        Assert.Equal([0], Codecs.Compress(_codec, []));

    [Fact]
    public void Compress_Abc_Stored()
    {
        // A run tag and three literals would take 4 bytes for 3: flag 1 and the input instead.
        byte[] expected = [1, .. "abc"u8];

        Assert.Equal(expected, Codecs.Compress(_codec, "abc"u8));
        Assert.Equal("abc"u8.ToArray(), Codecs.Decompress(_codec, expected));
    }

    [Fact]
    public void Decompress_CopyFromAnOlderMember_ReadsThatPosition()
    {
        // A run of 6 literals 00 78 00 00 00 00. Contexts: position 0 has 0 and position 1 has 0 too (zeros before
        // the start), so partition(0) = [1, 0]; positions 2..5 have 0x78, 0x7800, 0x780000, 0x78000000, other
        // partitions (premise). Position 6 has context 0 again. Copy 0xA0 = member 1 (position 0), 3 bytes:
        // 00 78 00. Member 0 (position 1) would have given 78 00 00.
        Assert.All(new uint[] { 0x78, 0x7800, 0x780000, 0x78000000 },
            context => Assert.NotEqual(Lzrw4Codec.Partition(0), Lzrw4Codec.Partition(context)));
        byte[] input = [0, 0x05, 0x00, 0x78, 0x00, 0x00, 0x00, 0x00, 0xA0];

        Assert.Equal([0x00, 0x78, 0x00, 0x00, 0x00, 0x00, 0x00, 0x78, 0x00], Codecs.Decompress(_codec, input));
    }

    [Theory]
    [InlineData(new byte[0], "no flag byte")]
    [InlineData(new byte[] { 2, 0x00, 0x61 }, "unknown flag")]
    [InlineData(new byte[] { 0, 0x05, 0x61 }, "a literal run of 6 bytes with 1 left")]
    [InlineData(new byte[] { 0, 0x80 }, "outside the output")]
    [InlineData(new byte[] { 0, 0x00, 0x00, 0xA0 }, "outside the output")]
    public void Decompress_Corrupt_SaysWhy(byte[] input, string problem)
    {
        var exception = Assert.Throws<InvalidDataException>(() => Codecs.Decompress(_codec, input));

        Assert.Contains(problem, exception.Message, StringComparison.Ordinal);
    }

    /// <summary>Checks the premise of a hand derivation: the contexts fall in different partitions.</summary>
    private static void AssertDistinctPartitions(params uint[] contexts) =>
        Assert.Equal(contexts.Length, contexts.Select(Lzrw4Codec.Partition).Distinct().Count());
}
