namespace MemFw.Framework.Content.Backing;

/// <summary>
/// The pages a backing store holds, each with its stamp and compressed size, in least-recently-stored order, so a
/// store can drop or write back its oldest page. Slots are reused: nothing allocates once the store has reached its
/// largest size.
/// </summary>
public sealed class PageSlots
{
    private const int None = -1;
    private readonly Dictionary<SwapKey, int> _slotOf = [];
    private SwapKey[] _keys = new SwapKey[16];
    private long[] _stamps = new long[16];
    private int[] _bytes = new int[16];
    private int[] _previous = new int[16];
    private int[] _next = new int[16];
    private int _oldest = None;
    private int _newest = None;
    private int _free = None;
    private int _used;

    /// <summary>Pages held.</summary>
    public int Count => _slotOf.Count;

    /// <summary>The compressed bytes of all pages held.</summary>
    public long Bytes { get; private set; }

    /// <summary>The page stored longest ago, if any.</summary>
    public SwapKey? Oldest => _oldest == None ? null : _keys[_oldest];

    /// <summary>Whether <paramref name="key"/> is held.</summary>
    public bool Contains(SwapKey key) => _slotOf.ContainsKey(key);

    /// <summary>Whether the version <paramref name="stamp"/> of <paramref name="key"/> is held.</summary>
    public bool Contains(SwapKey key, long stamp) => Peek(key, out var held) && held == stamp;

    /// <summary>The stamp of <paramref name="key"/>, if held, leaving it in place.</summary>
    public bool Peek(SwapKey key, out long stamp)
    {
        var held = _slotOf.TryGetValue(key, out var slot);
        stamp = held ? _stamps[slot] : 0;
        return held;
    }

    /// <summary>Stores <paramref name="key"/> as the newest page, replacing a copy held before.</summary>
    public void Put(SwapKey key, long stamp, int bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        Remove(key, out _, out _);
        var slot = Allocate();
        _keys[slot] = key;
        _stamps[slot] = stamp;
        _bytes[slot] = bytes;
        _previous[slot] = _newest;
        _next[slot] = None;
        if (_newest != None)
        {
            _next[_newest] = slot;
        }
        else
        {
            _oldest = slot;
        }

        _newest = slot;
        _slotOf.Add(key, slot);
        Bytes += bytes;
    }

    /// <summary>Removes <paramref name="key"/>; false if it was not held.</summary>
    public bool Remove(SwapKey key, out long stamp, out int bytes)
    {
        if (!_slotOf.Remove(key, out var slot))
        {
            stamp = 0;
            bytes = 0;
            return false;
        }

        stamp = _stamps[slot];
        bytes = _bytes[slot];
        Bytes -= bytes;
        var (previous, next) = (_previous[slot], _next[slot]);
        if (previous != None)
        {
            _next[previous] = next;
        }
        else
        {
            _oldest = next;
        }

        if (next != None)
        {
            _previous[next] = previous;
        }
        else
        {
            _newest = previous;
        }

        _next[slot] = _free;
        _free = slot;
        return true;
    }

    private int Allocate()
    {
        if (_free != None)
        {
            var slot = _free;
            _free = _next[slot];
            return slot;
        }

        if (_used == _keys.Length)
        {
            var size = _keys.Length * 2;
            Array.Resize(ref _keys, size);
            Array.Resize(ref _stamps, size);
            Array.Resize(ref _bytes, size);
            Array.Resize(ref _previous, size);
            Array.Resize(ref _next, size);
        }

        return _used++;
    }
}
