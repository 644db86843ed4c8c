using System.IO.Hashing;
using MemFw.Traces.Format;
using MemFw.Traces.Tests.TestSupport;

namespace MemFw.Traces.Tests.Format;

public sealed class PageHashTests
{
    /// <summary>
    /// Reference values from the C implementation: <c>xxhsum -H3</c> (xxHash 0.8.1) over the empty input, a 4 KiB
    /// zero page, and pages 0, 6, 16 and 32 of the RAM fixture (<c>dd bs=4096 skip=GFN count=1 | xxhsum -H3</c>).
    /// </summary>
    public static TheoryData<int, ulong> ReferencePages => new()
    {
        { 0, 0xe0f02cb9028f0fef },
        { 1, 0x93d76fe148c689ba },
        { 6, 0x4b3eda7708594286 },
        { 16, 0xd7784d83c35cbaee },
        { 32, 0x3da2da7e34d4aed2 },
    };

    [Fact]
    public void Compute_EmptyInput_IsTheXxh3ReferenceValue()
    {
        Assert.Equal(0x2d06800538d394c2UL, PageHash.Compute([]));
    }

    [Fact]
    public void Compute_ZeroPage_IsTheXxh3ReferenceValue()
    {
        Assert.Equal(0x93d76fe148c689baUL, PageHash.Compute(new byte[4096]));
    }

    [Theory]
    [MemberData(nameof(ReferencePages))]
    public void Compute_RealPage_IsTheXxh3ReferenceValue(int gfn, ulong expected)
    {
        var page = Captures.Pages(Fixture.Bytes(Fixture.RamFirst64))[gfn];

        Assert.Equal(expected, PageHash.Compute(page));
        Assert.Equal(XxHash3.HashToUInt64(page), PageHash.Compute(page));
    }

    [Fact]
    public void IsZero_ZeroPage_IsTrue()
    {
        Assert.True(PageHash.IsZero(new byte[4096]));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2048)]
    [InlineData(4095)]
    public void IsZero_OneNonZeroByte_IsFalse(int at)
    {
        var page = new byte[4096];
        page[at] = 1;

        Assert.False(PageHash.IsZero(page));
    }
}
