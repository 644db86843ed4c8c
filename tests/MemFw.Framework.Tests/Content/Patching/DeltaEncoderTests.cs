using MemFw.Cli.Tests;
using MemFw.Framework.Content.Patching;
using MemFw.Traces.Tests.TestSupport;

namespace MemFw.Framework.Tests.Content.Patching;

/// <summary>
/// Round trips of <see cref="DeltaEncoder"/> on crafted and real pages, and patches checked byte for byte against the
/// format written out by hand from its documentation.
/// </summary>
public sealed class DeltaEncoderTests
{
    private const int PageSize = CraftedPages.PageSize;

    /// <summary>Every page row of the real sample with contents (nine snapshots of three guests).</summary>
    private static readonly Lazy<List<PageRow>> s_realPages =
        new(() => TraceFiles.ReadPages(RepositoryPaths.Sample("guest-ram-content.trace")));

    private readonly DeltaEncoder _encoder = new();

    [Fact]
    public void Encode_IdenticalPages_IsOneCopyOfThreeBytes()
    {
        var page = CraftedPages.Random(1);

        var patch = Encode(page, page);

        // COPY 4096 from 0: varint(4096 << 1 | 1 = 8193) = 0x81 0x40, varint(0) = 0x00.
        Assert.Equal([0x81, 0x40, 0x00], patch);
        Assert.Equal(page, DeltaEncoder.Decode(page, patch));
    }

    [Fact]
    public void Encode_OneByteChanged_IsCopyAddCopy()
    {
        var reference = CraftedPages.Random(2);
        var target = (byte[])reference.Clone();
        target[1000] ^= 0x5A;

        var patch = Encode(reference, target);

        // COPY 1000 from 0: varint(2001) = 0xD1 0x0F, varint(0) = 0x00; ADD 1: varint(2) = 0x02, the byte;
        // COPY 3095 from 1001: varint(6191) = 0xAF 0x30, varint(1001) = 0xE9 0x07.
        Assert.Equal([0xD1, 0x0F, 0x00, 0x02, target[1000], 0xAF, 0x30, 0xE9, 0x07], patch);
        Assert.Equal(target, DeltaEncoder.Decode(reference, patch));
    }

    [Fact]
    public void Encode_ContentShiftedBy100Bytes_IsOneAddAndOneCopy()
    {
        var reference = CraftedPages.Random(3);
        var target = CraftedPages.Random(4)[..100].Concat(reference[..(PageSize - 100)]).ToArray();

        var patch = Encode(reference, target);

        // ADD 100: varint(200) = 2 bytes + 100 bytes; COPY 3996 from 0: varint(7993) = 2 bytes, varint(0) = 1 byte.
        Assert.Equal(2 + 100 + 2 + 1, patch.Length);
        Assert.Equal(target, DeltaEncoder.Decode(reference, patch));
    }

    [Fact]
    public void Encode_UnrelatedPages_IsOneAddOfTheWholePage()
    {
        var reference = CraftedPages.Random(5);
        var target = CraftedPages.Random(6);

        var patch = Encode(reference, target);

        // ADD 4096: varint(8192) = 0x80 0x40, then the page.
        Assert.Equal([0x80, 0x40, .. target], patch);
        Assert.Equal(target, DeltaEncoder.Decode(reference, patch));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(100)]
    public void Encode_ShortInputs_RoundTrip(int length)
    {
        var reference = CraftedPages.Random(7)[..length];
        var target = reference.Reverse().ToArray();

        Assert.Equal(target, DeltaEncoder.Decode(reference, Encode(reference, target)));
        Assert.Equal(reference, DeltaEncoder.Decode(reference, Encode(reference, reference)));
    }

    [Fact]
    public void Encode_RandomEdits_RoundTrip()
    {
        var random = new Random(8);
        for (var trial = 0; trial < 300; trial++)
        {
            // Few distinct bytes, so the reference repeats itself and matches are ambiguous.
            var reference = new byte[PageSize];
            for (var i = 0; i < reference.Length; i++)
            {
                reference[i] = (byte)(random.Next(4) * 17);
            }

            var target = reference.ToList();
            for (var edit = random.Next(1, 12); edit > 0; edit--)
            {
                var at = random.Next(target.Count);
                var run = random.Next(1, 80);
                switch (random.Next(3))
                {
                    case 0:
                        target.InsertRange(at, Enumerable.Range(0, run).Select(_ => (byte)random.Next(256)));
                        break;
                    case 1:
                        target.RemoveRange(at, Math.Min(run, target.Count - at));
                        break;
                    default:
                        for (var i = at; i < Math.Min(at + run, target.Count); i++)
                        {
                            target[i] = (byte)random.Next(256);
                        }

                        break;
                }
            }

            var page = target.Concat(new byte[PageSize]).Take(PageSize).ToArray();

            Assert.Equal(page, DeltaEncoder.Decode(reference, Encode(reference, page)));
        }
    }

    [Fact]
    public void Encode_RealPagesAcrossTimeAndAcrossGuests_RoundTripAndStaySmallWhereFewBytesDiffer()
    {
        var vmA0 = Contents(vm: 0, time: 0);
        var pairs = Contents(vm: 0, time: 20).Select(p => (Reference: vmA0[p.Key], Target: p.Value))
            .Concat(Contents(vm: 2, time: 0).Select(p => (Reference: vmA0[p.Key], Target: p.Value)))
            .ToList();
        Assert.Equal(2 * 1024, pairs.Count);
        var nearlyEqual = 0;

        foreach (var (reference, target) in pairs)
        {
            var patch = Encode(reference, target);

            Assert.Equal(target, DeltaEncoder.Decode(reference, patch));
            var differing = 0;
            for (var i = 0; i < PageSize; i++)
            {
                differing += reference[i] != target[i] ? 1 : 0;
            }

            if (differing is > 0 and <= 64)
            {
                nearlyEqual++;
                Assert.True(patch.Length <= 8 * differing + 8, $"{differing} bytes differ, patch {patch.Length}");
            }
        }

        // traces/samples/README.md: 25 pages of vmA differ between t00 and t20, and 45 between vmA and vmC at t00,
        // in 1 to 64 bytes.
        Assert.Equal(25 + 45, nearlyEqual);
    }

    [Fact]
    public void Encode_PatchLargerThanTheBuffer_ReturnsMinusOne()
    {
        var page = CraftedPages.Random(9);

        Assert.Equal(-1, _encoder.Encode(page, page, new byte[2]));
        Assert.Equal(3, _encoder.Encode(page, page, new byte[3]));
        Assert.Equal(-1, _encoder.Encode(page, CraftedPages.Random(10), new byte[2048]));
    }

    public static TheoryData<byte[], string> MalformedPatches => new()
    {
        { [0x00], "patch byte 0: expected an instruction length of 1" },
        { [0x03], "patch byte 1: expected the rest of a varint" },
        { [0x0A, 1, 2], "patch byte 0: expected 5 ADD bytes, found 2" },
        {
            [0x05, 0xFF, 0x1F],
            "patch byte 0: expected a COPY within the reference's 4096 bytes, found 2 bytes at 4095"
        },
        { [0xFF, 0xFF, 0xFF, 0xFF, 0x7F], "patch byte 0: expected a varint of at most 32 bits" },
    };

    [Theory]
    [MemberData(nameof(MalformedPatches))]
    public void Decode_MalformedPatch_ThrowsNamingTheByte(byte[] patch, string message)
    {
        var e = Assert.Throws<InvalidDataException>(() => DeltaEncoder.Decode(new byte[PageSize], patch));

        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
    }

    private byte[] Encode(byte[] reference, byte[] target)
    {
        var buffer = new byte[2 * PageSize];
        var length = _encoder.Encode(reference, target, buffer);
        Assert.True(length >= 0);
        return buffer[..length];
    }

    /// <summary>The pages of one VM at one time by guest frame, zero pages as 4096 zero bytes.</summary>
    private static Dictionary<ulong, byte[]> Contents(int vm, long time) => s_realPages.Value
        .Where(p => p.Vm == vm && p.Time == time)
        .ToDictionary(p => p.Gfn, p => p.Content ?? new byte[PageSize]);
}
