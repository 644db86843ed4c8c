using System.Diagnostics;

namespace MemFw.Plugins.Collections;

/// <summary>
/// Doubly linked lists threaded through int arrays over the nodes 0..nodeCount-1 (frame numbers or dense page ids),
/// each node in at most one of the lists at a time: every operation is O(1) and none allocates.
/// </summary>
/// <remarks>
/// A list runs from <see cref="First"/> to its last node; the policies keep their oldest or least recent entry
/// first and append the newest last. <see cref="ListOf"/> doubles as the membership test of ghost lists.
/// </remarks>
internal sealed class IntrusiveLists
{
    /// <summary>No node: the end of a list, or the list of a node that is in none.</summary>
    public const int None = -1;

    private readonly int[] _next;
    private readonly int[] _previous;

    /// <summary>The list each node is in, or <see cref="None"/>.</summary>
    private readonly int[] _listOf;

    private readonly int[] _first;
    private readonly int[] _last;
    private readonly int[] _count;

    /// <summary>Creates <paramref name="listCount"/> empty lists over <paramref name="nodeCount"/> nodes.</summary>
    public IntrusiveLists(int nodeCount, int listCount)
    {
        _next = new int[nodeCount];
        _previous = new int[nodeCount];
        _listOf = new int[nodeCount];
        Array.Fill(_listOf, None);
        _first = new int[listCount];
        _last = new int[listCount];
        Array.Fill(_first, None);
        Array.Fill(_last, None);
        _count = new int[listCount];
    }

    /// <summary>The number of nodes in <paramref name="list"/>.</summary>
    public int Count(int list) => _count[list];

    /// <summary>The first (oldest) node of <paramref name="list"/>, or <see cref="None"/> if it is empty.</summary>
    public int First(int list) => _first[list];

    /// <summary>The node after <paramref name="node"/> in its list, or <see cref="None"/> at the end.</summary>
    public int Next(int node) => _next[node];

    /// <summary>The list <paramref name="node"/> is in, or <see cref="None"/>.</summary>
    public int ListOf(int node) => _listOf[node];

    /// <summary>Appends <paramref name="node"/>, which is in no list, to the end of <paramref name="list"/>.</summary>
    public void AddLast(int list, int node)
    {
        Debug.Assert(_listOf[node] == None, "the node is already in a list");
        var last = _last[list];
        _previous[node] = last;
        _next[node] = None;
        if (last == None)
        {
            _first[list] = node;
        }
        else
        {
            _next[last] = node;
        }

        _last[list] = node;
        _listOf[node] = list;
        _count[list]++;
    }

    /// <summary>Puts <paramref name="node"/>, which is in no list, at the start of <paramref name="list"/>.</summary>
    public void AddFirst(int list, int node)
    {
        var first = _first[list];
        if (first == None)
        {
            AddLast(list, node);
        }
        else
        {
            InsertBefore(first, node);
        }
    }

    /// <summary>Inserts <paramref name="node"/>, which is in no list, right after <paramref name="anchor"/>.</summary>
    public void InsertAfter(int anchor, int node)
    {
        var next = _next[anchor];
        if (next == None)
        {
            AddLast(_listOf[anchor], node);
        }
        else
        {
            InsertBefore(next, node);
        }
    }

    /// <summary>Takes <paramref name="node"/> out of its list.</summary>
    public void Remove(int node)
    {
        var list = _listOf[node];
        Debug.Assert(list != None, "the node is in no list");
        var previous = _previous[node];
        var next = _next[node];
        if (previous == None)
        {
            _first[list] = next;
        }
        else
        {
            _next[previous] = next;
        }

        if (next == None)
        {
            _last[list] = previous;
        }
        else
        {
            _previous[next] = previous;
        }

        _listOf[node] = None;
        _count[list]--;
    }

    /// <summary>Moves <paramref name="node"/> (in a list or not) to the end of <paramref name="list"/>.</summary>
    public void MoveToLast(int list, int node)
    {
        if (_listOf[node] != None)
        {
            Remove(node);
        }

        AddLast(list, node);
    }

    /// <summary>Removes and returns the first node of <paramref name="list"/>, which must not be empty.</summary>
    public int RemoveFirst(int list)
    {
        var node = _first[list];
        Remove(node);
        return node;
    }

    private void InsertBefore(int anchor, int node)
    {
        Debug.Assert(_listOf[node] == None, "the node is already in a list");
        var list = _listOf[anchor];
        var previous = _previous[anchor];
        _previous[node] = previous;
        _next[node] = anchor;
        _previous[anchor] = node;
        if (previous == None)
        {
            _first[list] = node;
        }
        else
        {
            _next[previous] = node;
        }

        _listOf[node] = list;
        _count[list]++;
    }
}
