using MemFw.Framework.Content.Compression;

namespace MemFw.Framework.Tests.Content.Compression;

/// <summary>
/// zbud and z3fold frame by frame: 63 chunks of 64 bytes per frame, at most 2 (zbud) or 3 (z3fold) objects, best fit.
/// </summary>
public sealed class BuddyPoolTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(64, 1)]
    [InlineData(65, 2)]
    [InlineData(1000, 16)]
    [InlineData(3968, 62)]
    public void ChunksFor_RoundsUpTo64Bytes(int length, int chunks) =>
        Assert.Equal(chunks, BuddyPool.ChunksFor(length));

    [Fact]
    public void Zbud_SequenceOfStoresAndFrees_FramesByHand()
    {
        var pool = BuddyPool.Zbud();

        // A 2000 B = 32 chunks: frame 0 (31 free). B 3000 B = 47 chunks: does not fit frame 0, frame 1 (16 free).
        var a = pool.Store(2000);
        pool.Store(3000);
        Assert.Equal(2, pool.FramesUsed);

        // C 1000 B = 16 chunks fits both; best fit is frame 1 (16 free), now full. D (16 chunks) goes to frame 0,
        // which then has its two buddies.
        pool.Store(1000);
        var d = pool.Store(1000);
        Assert.Equal(2, pool.FramesUsed);

        // E 64 B = 1 chunk: both frames hold two objects although frame 0 has 15 chunks free: a third frame.
        pool.Store(64);
        Assert.Equal(3, pool.FramesUsed);

        // Freeing A leaves D alone in frame 0; freeing D empties it: the frame goes back.
        pool.Free(a);
        Assert.Equal(3, pool.FramesUsed);
        pool.Free(d);
        Assert.Equal(2, pool.FramesUsed);

        // F 3968 B = 62 chunks: E's frame has 62 free, best fit, so F joins it. G (62 chunks) needs a new frame.
        pool.Store(3968);
        Assert.Equal(2, pool.FramesUsed);
        pool.Store(3968);
        Assert.Equal(3, pool.FramesUsed);

        Assert.Equal(5, pool.Objects);
        Assert.Equal(3000 + 1000 + 64 + 3968 + 3968L, pool.StoredBytes);
    }

    [Fact]
    public void ThreeObjectsOf21Chunks_OneZ3foldFrameButTwoZbudFrames()
    {
        var zbud = BuddyPool.Zbud();
        var z3fold = BuddyPool.Z3fold();

        for (var i = 0; i < 3; i++)
        {
            zbud.Store(1344);
            z3fold.Store(1344);
        }

        Assert.Equal((2, 1), (zbud.FramesUsed, z3fold.FramesUsed));

        // 1345 B is 22 chunks: three take 66 > 63, so z3fold needs a second frame for the third.
        var wider = BuddyPool.Z3fold();
        for (var i = 0; i < 3; i++)
        {
            wider.Store(1345);
        }

        Assert.Equal(2, wider.FramesUsed);
    }

    [Fact]
    public void Store_OutOfRange_Throws()
    {
        var pool = BuddyPool.Zbud();

        Assert.Equal(3968, pool.MaxObjectLength);
        Assert.Throws<ArgumentOutOfRangeException>(() => pool.Store(3969));
        Assert.Throws<ArgumentOutOfRangeException>(() => pool.Store(0));
    }

    [Fact]
    public void Free_UnknownOrFreedHandle_Throws()
    {
        var pool = BuddyPool.Z3fold();
        var handle = pool.Store(100);
        pool.Free(handle);

        Assert.Throws<ArgumentException>(() => pool.Free(handle));
        Assert.Throws<ArgumentException>(() => pool.Free(7));
        Assert.Equal((0, 0, 0L), (pool.FramesUsed, pool.Objects, pool.StoredBytes));
    }
}
