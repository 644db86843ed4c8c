using System.Diagnostics;

namespace MemFw.Plugins.Collections;

/// <summary>
/// A binary min-heap over the items 0..capacity-1 (frame numbers) that knows where each item sits, so an item's key
/// changes in O(log n) and the item with the smallest key is found in O(1); nothing allocates after construction.
/// </summary>
/// <remarks>
/// Keys are 128-bit so that a policy can order by two 64-bit values at once (a counter, then a load order as the tie
/// breaker) with one comparison.
/// </remarks>
internal sealed class IndexedMinHeap
{
    private const int Absent = -1;

    /// <summary>The items in heap order: <c>_items[0]</c> has the smallest key.</summary>
    private readonly int[] _items;

    /// <summary>Each item's index in <see cref="_items"/>, or <see cref="Absent"/>.</summary>
    private readonly int[] _position;

    private readonly UInt128[] _key;
    private int _count;

    /// <summary>Creates an empty heap for the items 0..<paramref name="capacity"/>-1.</summary>
    public IndexedMinHeap(int capacity)
    {
        _items = new int[capacity];
        _position = new int[capacity];
        Array.Fill(_position, Absent);
        _key = new UInt128[capacity];
    }

    /// <summary>The item with the smallest key; the heap must not be empty.</summary>
    public int Min
    {
        get
        {
            Debug.Assert(_count > 0, "the heap is empty");
            return _items[0];
        }
    }

    /// <summary>Whether <paramref name="item"/> is in the heap.</summary>
    public bool Contains(int item) => _position[item] != Absent;

    /// <summary>Adds <paramref name="item"/> with <paramref name="key"/>, or changes its key if present.</summary>
    public void Set(int item, UInt128 key)
    {
        var at = _position[item];
        if (at == Absent)
        {
            at = _count++;
            _items[at] = item;
            _position[item] = at;
            _key[item] = key;
            SiftUp(at);
            return;
        }

        var old = _key[item];
        _key[item] = key;
        if (key < old)
        {
            SiftUp(at);
        }
        else
        {
            SiftDown(at);
        }
    }

    /// <summary>Takes <paramref name="item"/>, which is present, out of the heap in O(log n).</summary>
    public void Remove(int item)
    {
        var at = _position[item];
        Debug.Assert(at != Absent, "the item is not in the heap");
        _position[item] = Absent;
        var last = _items[--_count];
        if (last == item)
        {
            return;
        }

        // The last item fills the hole, then moves up or down to where its key belongs.
        Place(last, at);
        if (at > 0 && _key[last] < _key[_items[(at - 1) / 2]])
        {
            SiftUp(at);
        }
        else
        {
            SiftDown(at);
        }
    }

    /// <summary>
    /// Changes the key of <paramref name="item"/>, which is present, without restoring the heap order: for changing
    /// many keys at once, followed by one <see cref="Reorder"/>.
    /// </summary>
    public void SetUnordered(int item, UInt128 key)
    {
        Debug.Assert(_position[item] != Absent, "the item is not in the heap");
        _key[item] = key;
    }

    /// <summary>Restores the heap order after <see cref="SetUnordered"/> calls in O(n) (Floyd's method).</summary>
    public void Reorder()
    {
        for (var at = (_count / 2) - 1; at >= 0; at--)
        {
            SiftDown(at);
        }
    }

    private void SiftUp(int at)
    {
        var item = _items[at];
        var key = _key[item];
        while (at > 0)
        {
            var parent = (at - 1) / 2;
            var parentItem = _items[parent];
            if (_key[parentItem] <= key)
            {
                break;
            }

            Place(parentItem, at);
            at = parent;
        }

        Place(item, at);
    }

    private void SiftDown(int at)
    {
        var item = _items[at];
        var key = _key[item];
        while (true)
        {
            var child = (2 * at) + 1;
            if (child >= _count)
            {
                break;
            }

            var childItem = _items[child];
            if (child + 1 < _count && _key[_items[child + 1]] < _key[childItem])
            {
                child++;
                childItem = _items[child];
            }

            if (key <= _key[childItem])
            {
                break;
            }

            Place(childItem, at);
            at = child;
        }

        Place(item, at);
    }

    private void Place(int item, int at)
    {
        _items[at] = item;
        _position[item] = at;
    }
}
