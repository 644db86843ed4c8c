using MemFw.Traces.Format;

namespace MemFw.Framework.Content.Compression;

/// <summary>
/// zbud and z3fold: a few compressed pages per 4 KiB frame (at most 2 or 3), each rounded up to 64-byte chunks.
/// </summary>
/// <remarks>
/// <para>
/// Source: Linux <c>mm/zbud.c</c> and <c>mm/z3fold.c</c> (<c>Documentation/mm/z3fold.rst</c>; both since removed
/// from the kernel), see <c>vmm-facts.md</c> section 3. A frame is 64 chunks of 64 bytes, the first holding the
/// frame's header, so 63 hold objects; an object takes <c>ceil(length / 64)</c> chunks and may be at most
/// 4096 - 64 - 64 = 3968 bytes (zbud's limit [U]). zbud keeps at most two objects per frame (its "buddies", one at
/// each end), z3fold three. zbud files a frame with one buddy under its count of free chunks and gives a new object
/// to the frame with the fewest free chunks that fit it (best fit), else to a new frame.
/// </para>
/// <para>
/// Our simplifications [U]: ties go to the lowest-numbered frame, and freed frame numbers are reused lowest first;
/// z3fold is modelled like zbud with three objects, as if its in-frame compaction always kept the free chunks
/// together (the real one may have to leave a middle slot unused until it can move an object).
/// </para>
/// </remarks>
public sealed class BuddyPool : IZpool
{
    /// <summary>The allocation unit, in bytes.</summary>
    public const int ChunkSize = 64;

    /// <summary>The chunks of a frame that hold objects: all but the header's.</summary>
    public const int ChunksPerFrame = TraceFormat.PageSize / ChunkSize - 1;

    private readonly HandleTable<(int Frame, int Chunks, int Length)> _handles = new();

    /// <summary>Per frame number: its objects and used chunks (0 objects: not held).</summary>
    private readonly List<(int Objects, int Chunks)> _frames = [];

    /// <summary>Frame numbers given back, reused lowest first.</summary>
    private readonly SortedSet<int> _freeFrames = [];

    /// <summary>
    /// Frames that can take another object, keyed <c>free chunks &lt;&lt; 32 | frame</c>: best fit first.
    /// </summary>
    private readonly SortedSet<long> _open = [];

    private BuddyPool(int objectsPerFrame) => ObjectsPerFrame = objectsPerFrame;

    /// <summary>The most objects a frame holds: 2 for zbud, 3 for z3fold.</summary>
    public int ObjectsPerFrame { get; }

    /// <inheritdoc/>
    public int MaxObjectLength => (ChunksPerFrame - 1) * ChunkSize;

    /// <inheritdoc/>
    public int FramesUsed { get; private set; }

    /// <inheritdoc/>
    public int Objects => _handles.Count;

    /// <inheritdoc/>
    public long StoredBytes { get; private set; }

    /// <summary>An empty zbud pool: at most two objects per frame.</summary>
    public static BuddyPool Zbud() => new(2);

    /// <summary>An empty z3fold pool: at most three objects per frame.</summary>
    public static BuddyPool Z3fold() => new(3);

    /// <summary>The chunks an object of <paramref name="length"/> bytes takes.</summary>
    public static int ChunksFor(int length) => (length + ChunkSize - 1) / ChunkSize;

    /// <inheritdoc/>
    public int Store(int length)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, MaxObjectLength);
        var chunks = ChunksFor(length);
        var fits = _open.GetViewBetween((long)chunks << 32, long.MaxValue);
        int frame;
        if (fits.Count > 0)
        {
            var key = fits.Min;
            _open.Remove(key);
            frame = (int)(key & int.MaxValue);
        }
        else
        {
            frame = NewFrame();
        }

        var (objects, used) = _frames[frame];
        _frames[frame] = (objects + 1, used + chunks);
        Reopen(frame);
        StoredBytes += length;
        return _handles.Add((frame, chunks, length));
    }

    /// <inheritdoc/>
    public void Free(int handle)
    {
        var (frame, chunks, length) = _handles.Remove(handle);
        _open.Remove(Key(frame));
        var (objects, used) = _frames[frame];
        _frames[frame] = (objects - 1, used - chunks);
        StoredBytes -= length;
        if (objects == 1)
        {
            _freeFrames.Add(frame);
            FramesUsed--;
        }
        else
        {
            Reopen(frame);
        }
    }

    /// <summary>Files <paramref name="frame"/> among the open frames if it can take another object.</summary>
    private void Reopen(int frame)
    {
        if (_frames[frame].Objects < ObjectsPerFrame && _frames[frame].Chunks < ChunksPerFrame)
        {
            _open.Add(Key(frame));
        }
    }

    private long Key(int frame) => (long)(ChunksPerFrame - _frames[frame].Chunks) << 32 | (uint)frame;

    private int NewFrame()
    {
        FramesUsed++;
        if (_freeFrames.Count > 0)
        {
            var frame = _freeFrames.Min;
            _freeFrames.Remove(frame);
            return frame;
        }

        _frames.Add((0, 0));
        return _frames.Count - 1;
    }
}
