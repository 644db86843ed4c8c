using MemFw.Framework.Replacement;
using MemFw.Plugins.Collections;

namespace MemFw.Plugins.Replacement;

/// <summary>
/// A counter per resident page, reset to zero when the page is loaded and updated from the Accessed bits at each
/// tick, with the page of the lowest counter as the victim: the state <see cref="NfuPolicy"/> and
/// <see cref="AgingPolicy"/> share, which differ only in how a tick updates a counter.
/// </summary>
/// <remarks>
/// Ties go to the page loaded earliest: the book leaves them open, and picking the lowest frame number instead would
/// evict the same frame again and again between two ticks, since every page loaded since the last tick has a zero
/// counter. Kept in a heap keyed by (counter, load order): O(log n) per fault or removal, O(n) per tick; an empty
/// frame is out of the heap, so ticks pass it and it is never the victim.
/// </remarks>
internal sealed class TickCounters
{
    private readonly FrameTable _frames;
    private readonly ulong[] _counter;

    /// <summary>When each frame's page was loaded, as a count of loads.</summary>
    private readonly ulong[] _loaded;

    private readonly IndexedMinHeap _heap;
    private ulong _loads;

    /// <summary>Creates the counters of the frames of <paramref name="frames"/>.</summary>
    public TickCounters(FrameTable frames)
    {
        _frames = frames;
        _counter = new ulong[frames.Count];
        _loaded = new ulong[frames.Count];
        _heap = new IndexedMinHeap(frames.Count);
    }

    /// <summary>The frame whose page has the lowest counter, the earliest loaded among equals.</summary>
    public int Lowest => _heap.Min;

    /// <summary>A page was loaded into <paramref name="frame"/>: its counter starts at zero.</summary>
    public void Load(int frame)
    {
        _counter[frame] = 0;
        _loaded[frame] = ++_loads;
        _heap.Set(frame, Key(frame));
    }

    /// <summary>The page of <paramref name="frame"/> was removed: the frame leaves the heap until a load.</summary>
    public void Unload(int frame) => _heap.Remove(frame);

    /// <summary>
    /// The tick: each resident page's counter becomes <c>(counter &gt;&gt; shift) + (A ? increment : 0)</c>, and its
    /// Accessed bit is cleared.
    /// </summary>
    public void Tick(int shift, ulong increment)
    {
        for (var frame = 0; frame < _counter.Length; frame++)
        {
            if (!_heap.Contains(frame))
            {
                continue;
            }

            _counter[frame] >>= shift;
            if (_frames.IsAccessed(frame))
            {
                _counter[frame] += increment;
                _frames.ClearAccessed(frame);
            }

            _heap.SetUnordered(frame, Key(frame));
        }

        _heap.Reorder();
    }

    private UInt128 Key(int frame) => new(_counter[frame], _loaded[frame]);
}
