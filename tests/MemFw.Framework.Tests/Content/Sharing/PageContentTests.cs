using MemFw.Framework.Content.Sharing;
using MemFw.Traces.Format;

namespace MemFw.Framework.Tests.Content.Sharing;

public sealed class PageContentTests
{
    [Fact]
    public void FromBytes_ZeroPage_ZeroFlagNoBytes()
    {
        var zero = PageContent.FromBytes(new byte[4096]);

        Assert.True(zero.IsZero);
        Assert.False(zero.HasBytes);
        Assert.Equal(PageHash.Compute(new byte[4096]), zero.Hash);
        Assert.Equal(PageContent.Zero, zero);
    }

    [Fact]
    public void Equality_BytesDecideWhenBothHaveThem()
    {
        var a = CraftedPages.Colliding(1);
        var b = CraftedPages.Colliding(2);
        var a2 = new PageContent(a.Hash, false, CraftedPages.Bytes(1));

        Assert.NotEqual(a, b);
        Assert.Equal(a, a2);
        Assert.NotEqual(a, new PageContent(a.Hash, false, null));
        Assert.Equal(new PageContent(9, false, null), new PageContent(9, false, null));
    }

    [Fact]
    public void CompareTo_TotalOrderAgreeingWithEquality()
    {
        var contents = new[]
        {
            CraftedPages.Colliding(1), CraftedPages.Colliding(2),
            new PageContent(CraftedPages.CollidingHash, false, null),
            CraftedPages.Content(3), PageContent.Zero, new PageContent(1, false, null), CraftedPages.Colliding(1),
        };

        foreach (var x in contents)
        {
            foreach (var y in contents)
            {
                Assert.Equal(x == y, x.CompareTo(y) == 0);
                Assert.Equal(Math.Sign(x.CompareTo(y)), -Math.Sign(y.CompareTo(x)));
            }
        }
    }

    [Fact]
    public void Constructor_WrongLengthOrBytesOfAZeroPage_Throws()
    {
        Assert.Throws<ArgumentException>(() => new PageContent(1, false, new byte[100]));
        Assert.Throws<ArgumentException>(() => new PageContent(1, true, new byte[4096]));
    }
}
