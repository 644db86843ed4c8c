using MemFw.Framework.Content.Compression;

namespace MemFw.Framework.Tests.Content.Compression;

/// <summary>
/// zsmalloc's size classes and zspages, derived by hand: an object of n bytes takes n + 8, rounded up to a class
/// 16 bytes apart; a class uses the zspage of 1 to 4 frames with the best whole percentage used (smallest on a tie);
/// neighbouring classes with the same frames and objects per zspage merge into the largest.
/// </summary>
public sealed class ZsmallocPoolTests
{
    [Fact]
    public void ClassOf_1000Bytes_Is1024OneFrameFourObjects()
    {
        // 1008 B: each of 1 to 4 frames holds 4k objects and wastes 64k bytes: 98% for all, so 1 frame, 4
        // objects. 1024 B: 1 frame, 4 objects, 100%. Same layout, no class between: merged into 1024.
        Assert.Equal(new ZsmallocClass(1024, 1, 4), new ZsmallocPool().ClassOf(1000));
    }

    [Fact]
    public void ClassOf_3000Bytes_Is3072ThreeFramesFourObjects()
    {
        // 3008 B: 1 frame 73%, 2 frames 73%, 3 frames 4 objects = 12032 of 12288, 97%, 4 frames 5 objects 91%:
        // 3 frames, 4 objects. 3024, 3040, 3056 and 3072 come out the same (3072 fills 3 frames exactly); 3088 is
        // 4 frames, 5 objects. Merged into 3072.
        Assert.Equal(new ZsmallocClass(3072, 3, 4), new ZsmallocPool().ClassOf(3000));
    }

    [Fact]
    public void ClassOf_FullPage_IsTheLastClass() =>
        Assert.Equal(new ZsmallocClass(4096, 1, 1), new ZsmallocPool().ClassOf(4096));

    [Fact]
    public void ClassOf_OneFramePerZspage_3000BytesTakeAWholeFrame() =>
        // With 1 frame per zspage every class from 3008 B up holds one object per frame: merged into 4096.
        Assert.Equal(new ZsmallocClass(4096, 1, 1), new ZsmallocPool(maxFramesPerZspage: 1).ClassOf(3000));

    [Fact]
    public void Store_3000ByteObjects_ThreeFramesPerFourObjects()
    {
        var pool = new ZsmallocPool();
        var handles = Enumerable.Range(0, 4).Select(_ => pool.Store(3000)).ToList();
        Assert.Equal(3, pool.FramesUsed);

        var fifth = pool.Store(3000);
        Assert.Equal(6, pool.FramesUsed);

        pool.Free(fifth);
        Assert.Equal(3, pool.FramesUsed);
        handles.ForEach(pool.Free);
        Assert.Equal((0, 0, 0L), (pool.FramesUsed, pool.Objects, pool.StoredBytes));
    }

    [Fact]
    public void Store_GoesToTheFullestZspageWithRoom()
    {
        // Eight 1000 B objects: two full one-frame zspages. Free one of zspage 0 (3 left) and two of zspage 1 (2
        // left). The next object goes to zspage 0, the fuller; freeing the rest of zspage 1 then gives its frame back.
        var pool = new ZsmallocPool();
        var handles = Enumerable.Range(0, 8).Select(_ => pool.Store(1000)).ToArray();
        pool.Free(handles[0]);
        pool.Free(handles[4]);
        pool.Free(handles[5]);

        pool.Store(1000);
        pool.Free(handles[6]);
        pool.Free(handles[7]);

        Assert.Equal((1, 4), (pool.FramesUsed, pool.Objects));
    }

    [Fact]
    public void Store_MixedClasses_EachClassHasItsOwnZspages()
    {
        // 1000 B (class 1024, 1 frame) and 3000 B (class 3072, 3 frames) never share a zspage.
        var pool = new ZsmallocPool();
        pool.Store(1000);
        pool.Store(3000);

        Assert.Equal(4, pool.FramesUsed);
        Assert.Equal(4000, pool.StoredBytes);
    }

    [Fact]
    public void Store_OutOfRange_Throws()
    {
        var pool = new ZsmallocPool();

        Assert.Throws<ArgumentOutOfRangeException>(() => pool.Store(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => pool.Store(4097));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ZsmallocPool(0));
    }
}
