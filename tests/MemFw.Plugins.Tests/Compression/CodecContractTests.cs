using MemFw.Framework.Content.Compression;

namespace MemFw.Plugins.Tests.Compression;

/// <summary>
/// What every registered codec promises (<see cref="ICompressionCodec"/>): it gives back any input, stays within its
/// bound, rejects corrupt input with <see cref="InvalidDataException"/> without touching memory past the
/// destination, and allocates nothing per call.
/// </summary>
public sealed class CodecContractTests
{
    public static TheoryData<string> Names => Codecs.Names;

    [Fact]
    public void Registry_HoldsTheFourBuiltInCodecs() =>
        Assert.Equal(["lz4", "lzrw1", "lzrw4", "zstd"], Codecs.All);

    [Theory]
    [MemberData(nameof(Names))]
    public void Speeds_AreMeasuredFiguresBetweenAMemoryCopyAndNothing(string name)
    {
        // Backing stores cost every page they compress at these speeds: each must be a real figure, at least 1 MB/s
        // and below 20 GB/s, above what copying memory reaches.
        var codec = Codecs.Create(name);

        Assert.InRange(codec.CompressMbPerS, 1, 20_000);
        Assert.InRange(codec.DecompressMbPerS, 1, 20_000);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void RoundTrip_RandomBytes_OfManyLengths(string name)
    {
        var codec = Codecs.Create(name);
        foreach (var length in new[] { 0, 1, 2, 3, 17, 18, 19, 100, 4095, 4096, 10_000 })
        {
            AssertRoundTrip(codec, Codecs.Random(length, seed: length));
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void RoundTrip_ZeroPage_TakesAtMostAnEighth(string name)
    {
        var codec = Codecs.Create(name);

        var compressed = AssertRoundTrip(codec, new byte[Codecs.PageSize]);

        Assert.True(compressed.Length <= Codecs.PageSize / 8, $"{name}: {compressed.Length} bytes");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void RoundTrip_TextPage_Shrinks(string name)
    {
        var codec = Codecs.Create(name);

        var compressed = AssertRoundTrip(codec, Codecs.TextPage(seed: 7));

        Assert.True(compressed.Length < Codecs.PageSize * 3 / 4, $"{name}: {compressed.Length} bytes");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void RoundTrip_RealSamplePages_EachComesBack(string name)
    {
        var codec = Codecs.Create(name);

        var measured = CodecMeasurement.Measure(codec, Codecs.SamplePages);

        // Half the distinct pages of the sample are kernel data that shrinks well: every codec gains on the whole.
        Assert.Equal(Codecs.SamplePages.Count, measured.Pages);
        Assert.True(measured.Ratio > 1.5, $"{name}: ratio {measured.Ratio:F2}");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Compress_StaysWithinItsBoundAndIsDeterministic(string name)
    {
        var codec = Codecs.Create(name);
        var page = Codecs.Random(Codecs.PageSize, seed: 3);

        var first = Codecs.Compress(codec, page);
        Codecs.Compress(codec, Codecs.TextPage(seed: 1));

        Assert.InRange(first.Length, 1, codec.MaxCompressedLength(page.Length));
        Assert.Equal(first, Codecs.Compress(codec, page));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Compress_ShortDestination_Throws(string name)
    {
        var codec = Codecs.Create(name);
        var page = new byte[Codecs.PageSize];

        Assert.Throws<ArgumentException>(() =>
            codec.Compress(page, new byte[codec.MaxCompressedLength(page.Length) - 1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => codec.MaxCompressedLength(-1));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Decompress_ShortDestination_ThrowsInvalidData(string name)
    {
        var codec = Codecs.Create(name);
        var compressed = Codecs.Compress(codec, Codecs.TextPage(seed: 2));

        AssertRejectedWithinBounds(codec, compressed, Codecs.PageSize - 1);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Decompress_Garbage_ThrowsInvalidDataWithinBounds(string name)
    {
        var codec = Codecs.Create(name);
        for (var seed = 0; seed < 25; seed++)
        {
            var garbage = Codecs.Random(1 + seed * 37, seed);
            garbage[0] = (byte)(seed % 3);
            AssertRejectedOrDecodedWithinBounds(codec, garbage);
        }

        Assert.Throws<InvalidDataException>(() => codec.Decompress([0xFF, 0xFF, 0xFF, 0xFF, 0xFF], new byte[64]));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Decompress_TruncatedOrFlipped_NeverEscapesTheDestination(string name)
    {
        var codec = Codecs.Create(name);
        var compressed = Codecs.Compress(codec, Codecs.TextPage(seed: 5));
        for (var cut = 0; cut < compressed.Length; cut += Math.Max(1, compressed.Length / 20))
        {
            AssertRejectedOrDecodedWithinBounds(codec, compressed[..cut]);
        }

        var random = new Random(11);
        for (var i = 0; i < 60; i++)
        {
            var flipped = (byte[])compressed.Clone();
            flipped[random.Next(flipped.Length)] ^= (byte)(1 << random.Next(8));
            AssertRejectedOrDecodedWithinBounds(codec, flipped);
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void CompressAndDecompress_AllocateNothingOnceWarm(string name)
    {
        var codec = Codecs.Create(name);
        var page = Codecs.TextPage(seed: 4);
        var compressed = new byte[codec.MaxCompressedLength(page.Length)];
        var restored = new byte[page.Length];
        var length = codec.Compress(page, compressed);
        codec.Decompress(compressed.AsSpan(0, length), restored);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10; i++)
        {
            length = codec.Compress(page, compressed);
            codec.Decompress(compressed.AsSpan(0, length), restored);
        }

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }

    /// <summary>Checks that <paramref name="input"/> comes back; returns its compressed form.</summary>
    private static byte[] AssertRoundTrip(ICompressionCodec codec, byte[] input)
    {
        var compressed = Codecs.Compress(codec, input);
        Assert.Equal(input, Codecs.Decompress(codec, compressed, input.Length));
        return compressed;
    }

    /// <summary>
    /// Decompresses <paramref name="input"/> into the first page of a two-page buffer whose second page holds a
    /// pattern: the codec either throws <see cref="InvalidDataException"/> or returns at most a page, and the
    /// pattern is intact either way.
    /// </summary>
    private static void AssertRejectedOrDecodedWithinBounds(ICompressionCodec codec, byte[] input)
    {
        var buffer = new byte[2 * Codecs.PageSize];
        buffer.AsSpan(Codecs.PageSize).Fill(0xA5);
        try
        {
            Assert.InRange(codec.Decompress(input, buffer.AsSpan(0, Codecs.PageSize)), 0, Codecs.PageSize);
        }
        catch (InvalidDataException)
        {
        }

        Assert.All(buffer[Codecs.PageSize..], b => Assert.Equal(0xA5, b));
    }

    /// <summary>Like <see cref="AssertRejectedOrDecodedWithinBounds"/>, but the codec must throw.</summary>
    private static void AssertRejectedWithinBounds(ICompressionCodec codec, byte[] input, int capacity)
    {
        var buffer = new byte[capacity + Codecs.PageSize];
        buffer.AsSpan(capacity).Fill(0xA5);

        Assert.Throws<InvalidDataException>(() => codec.Decompress(input, buffer.AsSpan(0, capacity)));
        Assert.All(buffer[capacity..], b => Assert.Equal(0xA5, b));
    }
}
