using MemFw.Framework.Content.Patching;

namespace MemFw.Framework.Tests.Content.Patching;

/// <summary>
/// <see cref="SimilarityIndex"/> on crafted pages: pages that differ only where no sampled block lies are candidates
/// of each other, pages that differ in a sampled block of every group are not.
/// </summary>
public sealed class SimilarityIndexTests
{
    private const int PageSize = CraftedPages.PageSize;
    private const int Block = 64;

    [Fact]
    public void BlockOffsets_SameSeed_AreTheSameDistinctOffsetsInsideThePage()
    {
        var options = new SimilarityOptions { Groups = 4, BlocksPerGroup = 3, Seed = 5 };

        var offsets = new SimilarityIndex(options).BlockOffsets;

        Assert.Equal(offsets, new SimilarityIndex(options).BlockOffsets);
        Assert.NotEqual(offsets, new SimilarityIndex(options with { Seed = 6 }).BlockOffsets);
        Assert.Equal(12, offsets.Distinct().Count());
        Assert.All(offsets, o => Assert.InRange(o, 0, PageSize - Block));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(42)]
    public void Candidates_PagesDifferingInOneUnsampledBlock_FindEachOther(int seed)
    {
        var index = new SimilarityIndex(new SimilarityOptions { Seed = seed });
        var page = CraftedPages.Random(seed);
        var unsampled = Enumerable.Range(0, PageSize / Block).Select(b => b * Block)
            .First(start => index.BlockOffsets.All(o => o + Block <= start || start + Block <= o));
        var similar = (byte[])page.Clone();
        new Random(seed + 1).NextBytes(similar.AsSpan(unsampled, Block));
        index.Add(0, page);
        index.Add(1, similar);
        index.Add(2, CraftedPages.Random(seed + 2));

        Assert.Equal([1], Candidates(index, page, exclude: 0));
        Assert.Equal([0], Candidates(index, similar, exclude: 1));
        Assert.Empty(Candidates(index, CraftedPages.Random(seed + 2), exclude: 2));
    }

    [Fact]
    public void Candidates_OneGroupChanged_FoundThroughTheOther()
    {
        var index = new SimilarityIndex(new SimilarityOptions { Groups = 2, BlocksPerGroup = 2 });
        var page = CraftedPages.Random(11);
        index.Add(0, page);

        // A change to one block of group 0 (blocks 0 and 1) changes group 0's key only.
        var oneGroup = (byte[])page.Clone();
        oneGroup[OnlyIn(index, 1)] ^= 1;
        // A change to a block of each group changes both keys.
        var bothGroups = (byte[])oneGroup.Clone();
        bothGroups[OnlyIn(index, 3)] ^= 1;

        Assert.Equal([0], Candidates(index, oneGroup, exclude: -1));
        Assert.Empty(Candidates(index, bothGroups, exclude: -1));
    }

    [Fact]
    public void Candidates_ManyPagesSharingABlock_KeepTheMostRecentBucketCapacity()
    {
        var index = new SimilarityIndex(new SimilarityOptions { Groups = 1, BucketCapacity = 3 });
        var shared = CraftedPages.Random(12);
        for (var page = 0; page < 5; page++)
        {
            var content = CraftedPages.Random(100 + page);
            var at = index.BlockOffsets[0];
            shared.AsSpan(at, Block).CopyTo(content.AsSpan(at));
            index.Add(page, content);
        }

        Assert.Equal([2, 3, 4], Candidates(index, shared, exclude: -1));
        Assert.Equal([2, 4], Candidates(index, shared, exclude: 3));
    }

    [Fact]
    public void Options_OutOfRange_ThrowNamingTheOption()
    {
        Assert.Equal("groups",
            Assert.Throws<ArgumentOutOfRangeException>(() => new SimilarityOptions { Groups = 0 }).ParamName);
        Assert.Equal("blocks-per-group",
            Assert.Throws<ArgumentOutOfRangeException>(() => new SimilarityOptions { BlocksPerGroup = 65 }).ParamName);
        Assert.Equal("bucket-capacity",
            Assert.Throws<ArgumentOutOfRangeException>(() => new SimilarityOptions { BucketCapacity = 0 }).ParamName);
        var tooMany = Assert.Throws<ArgumentException>(() =>
            new SimilarityIndex(new SimilarityOptions { Groups = 8, BlocksPerGroup = 9 }));
        Assert.Contains("expected at most 64, found 8 × 9", tooMany.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_PageOfWrongSize_Throws()
    {
        var index = new SimilarityIndex(new SimilarityOptions());

        Assert.Throws<ArgumentException>(() => index.Add(0, new byte[PageSize - 1]));
    }

    /// <summary>A byte of sampled block <paramref name="block"/> that no other sampled block covers.</summary>
    private static int OnlyIn(SimilarityIndex index, int block)
    {
        var offsets = index.BlockOffsets;
        return Enumerable.Range(offsets[block], Block).First(at =>
            offsets.Where((_, other) => other != block).All(o => at < o || at >= o + Block));
    }

    private static List<int> Candidates(SimilarityIndex index, byte[] page, int exclude)
    {
        var candidates = new List<int>();
        index.Candidates(page, exclude, candidates);
        return candidates;
    }
}
