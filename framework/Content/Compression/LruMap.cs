namespace MemFw.Framework.Content.Compression;

/// <summary>
/// Pages with a value each, in the order they were added: the oldest is the one to write back or evict first.
/// </summary>
/// <remarks>
/// A doubly linked list in arrays indexed by node, with a free list, and a dictionary from page to node: adding,
/// removing any page and finding the oldest take constant time and allocate nothing once the arrays have grown to
/// the largest number of pages held.
/// </remarks>
/// <typeparam name="T">The value kept per page.</typeparam>
internal sealed class LruMap<T>
    where T : struct
{
    private const int None = -1;

    private readonly Dictionary<long, int> _nodes = [];
    private long[] _keys = new long[16];
    private T[] _values = new T[16];
    private int[] _older = new int[16];
    private int[] _newer = new int[16];
    private int _oldest = None;
    private int _newest = None;

    /// <summary>The first node of the free list, linked through <see cref="_newer"/>.</summary>
    private int _free = None;

    /// <summary>Nodes ever used: those at this index and above have never held a page.</summary>
    private int _used;

    /// <summary>The pages held.</summary>
    public int Count => _nodes.Count;

    /// <summary>The value of <paramref name="page"/>, if held.</summary>
    public bool TryGetValue(long page, out T value)
    {
        if (_nodes.TryGetValue(page, out var node))
        {
            value = _values[node];
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>Adds <paramref name="page"/> as the newest.</summary>
    /// <exception cref="ArgumentException">The page is already held.</exception>
    public void AddNewest(long page, T value)
    {
        var node = Allocate();
        _nodes.Add(page, node);
        _keys[node] = page;
        _values[node] = value;
        _older[node] = _newest;
        _newer[node] = None;
        if (_newest == None)
        {
            _oldest = node;
        }
        else
        {
            _newer[_newest] = node;
        }

        _newest = node;
    }

    /// <summary>Removes <paramref name="page"/>, giving its value.</summary>
    /// <returns>Whether it was held.</returns>
    public bool Remove(long page, out T value)
    {
        if (!_nodes.Remove(page, out var node))
        {
            value = default;
            return false;
        }

        value = _values[node];
        var (older, newer) = (_older[node], _newer[node]);
        if (older == None)
        {
            _oldest = newer;
        }
        else
        {
            _newer[older] = newer;
        }

        if (newer == None)
        {
            _newest = older;
        }
        else
        {
            _older[newer] = older;
        }

        _newer[node] = _free;
        _free = node;
        return true;
    }

    /// <summary>The oldest page, if any.</summary>
    public bool TryGetOldest(out long page)
    {
        page = _oldest == None ? 0 : _keys[_oldest];
        return _oldest != None;
    }

    private int Allocate()
    {
        if (_free != None)
        {
            var reused = _free;
            _free = _newer[reused];
            return reused;
        }

        if (_used == _keys.Length)
        {
            var size = _keys.Length * 2;
            Array.Resize(ref _keys, size);
            Array.Resize(ref _values, size);
            Array.Resize(ref _older, size);
            Array.Resize(ref _newer, size);
        }

        return _used++;
    }
}
