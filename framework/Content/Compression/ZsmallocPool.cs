using MemFw.Traces.Format;

namespace MemFw.Framework.Content.Compression;

/// <summary>
/// zsmalloc: size classes 16 bytes apart; each class packs its objects into zspages of a few frames, chosen to waste
/// the least.
/// </summary>
/// <remarks>
/// <para>
/// Source: Linux <c>mm/zsmalloc.c</c> (see <c>vmm-facts.md</c> section 3), as we read it [U]. An object of
/// <c>n</c> bytes takes <c>n + 8</c> (its handle is kept in front of it), rounded up to a class: 32, 48, ...,
/// 4096 bytes (16 bytes apart, 255 classes). A class of size <c>s</c> builds zspages of <c>k</c> frames, 1 to
/// <c>MaxFramesPerZspage</c> (4), the <c>k</c> with the highest whole percentage of <c>k * 4096</c> used by
/// <c>floor(k * 4096 / s)</c> objects (the smallest <c>k</c> on a tie). Neighbouring classes that come out with the
/// same frames and objects per zspage are merged into the largest of them, as zsmalloc does, so an object may take
/// more bytes than its own class. A zspage is allocated when its class has no room, and freed when its last object
/// is.
/// </para>
/// <para>
/// Our simplifications [U]: a new object goes to the fullest zspage of its class that has room (zsmalloc's fullness
/// groups, without their 10% steps), the lowest-numbered on a tie; the compaction that zsmalloc runs under memory
/// pressure (moving objects out of sparse zspages) is not modelled, so <see cref="FramesUsed"/> is the value before
/// compaction.
/// </para>
/// </remarks>
public sealed class ZsmallocPool : IZpool
{
    /// <summary>The smallest class, in bytes.</summary>
    public const int MinClassSize = 32;

    /// <summary>The step between classes, in bytes.</summary>
    public const int ClassDelta = 16;

    /// <summary>The bytes added to each object for its handle.</summary>
    public const int HandleBytes = 8;

    /// <summary>The default <see cref="MaxFramesPerZspage"/>: 4, zsmalloc's long-standing limit.</summary>
    public const int DefaultMaxFramesPerZspage = 4;

    private const int Classes = (TraceFormat.PageSize - MinClassSize) / ClassDelta + 1;

    private readonly SizeClass[] _classes = new SizeClass[Classes];
    private readonly HandleTable<(SizeClass Class, int Zspage, int Length)> _handles = new();

    /// <summary>Creates an empty pool.</summary>
    /// <param name="maxFramesPerZspage">The most frames of a zspage, 1 to 16; default 4.</param>
    /// <exception cref="ArgumentOutOfRangeException">Outside 1 to 16.</exception>
    public ZsmallocPool(int maxFramesPerZspage = DefaultMaxFramesPerZspage)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxFramesPerZspage, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxFramesPerZspage, 16);
        MaxFramesPerZspage = maxFramesPerZspage;
        SizeClass? larger = null;
        for (var i = Classes - 1; i >= 0; i--)
        {
            var size = MinClassSize + i * ClassDelta;
            var frames = FramesPerZspage(size, maxFramesPerZspage);
            var objects = frames * TraceFormat.PageSize / size;
            var shape = new ZsmallocClass(size, frames, objects);
            larger = larger is not null && larger.HasSameLayout(shape) ? larger : new SizeClass(shape);
            _classes[i] = larger;
        }
    }

    /// <summary>The most frames of a zspage.</summary>
    public int MaxFramesPerZspage { get; }

    /// <inheritdoc/>
    public int MaxObjectLength => TraceFormat.PageSize;

    /// <inheritdoc/>
    public int FramesUsed { get; private set; }

    /// <inheritdoc/>
    public int Objects => _handles.Count;

    /// <inheritdoc/>
    public long StoredBytes { get; private set; }

    /// <summary>The class (after merging) that an object of <paramref name="length"/> bytes goes to.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The length is below 1 or above a page.</exception>
    public ZsmallocClass ClassOf(int length) => Class(length).Shape;

    /// <inheritdoc/>
    public int Store(int length)
    {
        var sizeClass = Class(length);
        int zspage;
        if (sizeClass.Open.Count > 0)
        {
            var key = sizeClass.Open.Min;
            sizeClass.Open.Remove(key);
            zspage = (int)(key & int.MaxValue);
        }
        else
        {
            zspage = sizeClass.NewZspage();
            FramesUsed += sizeClass.Shape.FramesPerZspage;
        }

        sizeClass.InUse[zspage]++;
        sizeClass.Reopen(zspage);
        StoredBytes += length;
        return _handles.Add((sizeClass, zspage, length));
    }

    /// <inheritdoc/>
    public void Free(int handle)
    {
        var (sizeClass, zspage, length) = _handles.Remove(handle);
        sizeClass.Open.Remove(sizeClass.Key(zspage));
        StoredBytes -= length;
        if (--sizeClass.InUse[zspage] == 0)
        {
            sizeClass.FreeIds.Add(zspage);
            FramesUsed -= sizeClass.Shape.FramesPerZspage;
        }
        else
        {
            sizeClass.Reopen(zspage);
        }
    }

    /// <summary>zsmalloc's choice of frames per zspage for objects of <paramref name="size"/> bytes.</summary>
    private static int FramesPerZspage(int size, int maxFrames)
    {
        var (best, bestPercent) = (1, 0);
        for (var frames = 1; frames <= maxFrames; frames++)
        {
            var bytes = frames * TraceFormat.PageSize;
            var percent = (bytes - bytes % size) * 100 / bytes;
            if (percent > bestPercent)
            {
                (best, bestPercent) = (frames, percent);
            }
        }

        return best;
    }

    private SizeClass Class(int length)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, MaxObjectLength);
        var index = (length + HandleBytes - MinClassSize + ClassDelta - 1) / ClassDelta;
        return _classes[Math.Clamp(index, 0, Classes - 1)];
    }

    /// <summary>One (merged) class: its zspages' objects in use, and those with room.</summary>
    private sealed class SizeClass(ZsmallocClass shape)
    {
        public ZsmallocClass Shape { get; } = shape;

        /// <summary>Objects in use per zspage number (0: not allocated).</summary>
        public List<int> InUse { get; } = [];

        /// <summary>Zspage numbers given back, reused lowest first.</summary>
        public SortedSet<int> FreeIds { get; } = [];

        /// <summary>Zspages with room, keyed <c>free slots &lt;&lt; 32 | zspage</c>: fullest first.</summary>
        public SortedSet<long> Open { get; } = [];

        /// <summary>Whether <paramref name="shape"/> packs zspages as this class does: zsmalloc merges them.</summary>
        public bool HasSameLayout(ZsmallocClass shape) =>
            (shape.FramesPerZspage, shape.ObjectsPerZspage) == (Shape.FramesPerZspage, Shape.ObjectsPerZspage);

        public long Key(int zspage) => (long)(Shape.ObjectsPerZspage - InUse[zspage]) << 32 | (uint)zspage;

        public void Reopen(int zspage)
        {
            if (InUse[zspage] < Shape.ObjectsPerZspage)
            {
                Open.Add(Key(zspage));
            }
        }

        public int NewZspage()
        {
            if (FreeIds.Count > 0)
            {
                var zspage = FreeIds.Min;
                FreeIds.Remove(zspage);
                return zspage;
            }

            InUse.Add(0);
            return InUse.Count - 1;
        }
    }
}
