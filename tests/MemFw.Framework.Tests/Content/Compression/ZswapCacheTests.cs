using MemFw.Framework.Content.Compression;

namespace MemFw.Framework.Tests.Content.Compression;

/// <summary>
/// The zswap-like cache over a zbud pool: the pool limit (20% of RAM), refusal and LRU writeback down to the
/// acceptance threshold (90% of the limit), same-filled pages without pool memory.
/// </summary>
public sealed class ZswapCacheTests
{
    [Fact]
    public void Limits_DefaultToTwentyPercentAndNinetyPercentOfThat()
    {
        var cache = new ZswapCache(BuddyPool.Zbud(), ramPages: 50);

        Assert.Equal((10, 9), (cache.MaxPoolFrames, cache.AcceptThresholdFrames));
    }

    [Fact]
    public void Store_OnePagePerFrame_RefusesAtTheLimitAndWritesBackTheOldest()
    {
        // 50 pages of RAM: limit 10 frames, threshold 9. A 3000 B page takes 47 chunks: one page per zbud frame.
        var cache = new ZswapCache(BuddyPool.Zbud(), ramPages: 50);
        var written = new List<long>();
        for (var page = 0; page < 10; page++)
        {
            Assert.Equal(CompressedStoreResult.Stored, cache.Store(page, 3000, sameFilled: false, written));
        }

        Assert.Equal(10, cache.PoolFrames);

        // At the limit: page 10 is refused, and page 0 is written back, bringing the pool to 9 frames.
        Assert.Equal(CompressedStoreResult.Full, cache.Store(10, 3000, sameFilled: false, written));
        Assert.Equal([0L], written);
        Assert.Equal(9, cache.PoolFrames);

        // 9 frames is at the threshold: accepted again. Page 11 brings it back to the limit.
        Assert.Equal(CompressedStoreResult.Stored, cache.Store(11, 3000, sameFilled: false, written));

        // The limit is checked first, so even a same-filled page is refused now; page 1 is written back.
        Assert.Equal(CompressedStoreResult.Full, cache.Store(20, 0, sameFilled: true, written));
        Assert.Equal([0L, 1L], written);

        // Accepted again: the same-filled page takes no pool memory.
        Assert.Equal(CompressedStoreResult.SameFilled, cache.Store(20, 0, sameFilled: true, written));
        Assert.Equal((10, 1, 9), (cache.Pages, cache.SameFilledPages, cache.PoolFrames));
        Assert.Equal((2L, 2L), (cache.WrittenBack, cache.RefusedFull));
    }

    [Fact]
    public void Store_TwoPagesPerFrame_WritesBackUntilAFrameEmpties()
    {
        // 25 pages of RAM: limit 5 frames, threshold 4 (90% of 5, rounded down). 1500 B = 24 chunks: two pages per
        // zbud frame, paired in order (0, 1), (2, 3), ..., (8, -): 9 pages take the 5 frames. Page 9 is refused;
        // writing back page 0 frees no frame, page 1 does, which brings the pool to 4.
        var cache = new ZswapCache(BuddyPool.Zbud(), ramPages: 25);
        var written = new List<long>();
        for (var page = 0; page < 9; page++)
        {
            Assert.Equal(CompressedStoreResult.Stored, cache.Store(page, 1500, sameFilled: false, written));
        }

        Assert.Equal(5, cache.PoolFrames);

        Assert.Equal(CompressedStoreResult.Full, cache.Store(9, 1500, sameFilled: false, written));
        Assert.Equal([0L, 1L], written);
        Assert.Equal((4, 7), (cache.PoolFrames, cache.Pages));
    }

    [Fact]
    public void Store_LongerThanThePoolTakes_TooLarge()
    {
        var cache = new ZswapCache(BuddyPool.Zbud(), ramPages: 50);

        Assert.Equal(CompressedStoreResult.TooLarge, cache.Store(1, 4000, sameFilled: false, []));
        Assert.Equal((0, 1L), (cache.Pages, cache.RefusedTooLarge));
    }

    [Fact]
    public void Remove_FreesThePoolObject()
    {
        var cache = new ZswapCache(new ZsmallocPool(), ramPages: 100);
        cache.Store(1, 3000, sameFilled: false, []);
        cache.Store(2, 0, sameFilled: true, []);

        Assert.True(cache.Remove(1));
        Assert.True(cache.Remove(2));
        Assert.False(cache.Remove(1));

        Assert.Equal((0, 0, 0L), (cache.Pages, cache.PoolFrames, cache.CompressedBytes));
    }

    [Fact]
    public void Store_SamePageAgain_ReplacesIt()
    {
        var cache = new ZswapCache(BuddyPool.Zbud(), ramPages: 100);
        cache.Store(1, 3000, sameFilled: false, []);

        cache.Store(1, 100, sameFilled: false, []);

        Assert.Equal((1, 1, 100L), (cache.Pages, cache.PoolFrames, cache.CompressedBytes));
    }
}
