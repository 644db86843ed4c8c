namespace MemFw.Framework.Content.Compression;

/// <summary>The objects of a pool by handle: small integers, a freed one reused first.</summary>
/// <typeparam name="T">What the pool keeps per object.</typeparam>
internal sealed class HandleTable<T>
    where T : struct
{
    private readonly List<(bool Live, T Value)> _entries = [];
    private readonly Stack<int> _free = new();

    /// <summary>The live handles.</summary>
    public int Count { get; private set; }

    /// <summary>Keeps <paramref name="value"/> under a new handle.</summary>
    public int Add(T value)
    {
        Count++;
        if (_free.TryPop(out var handle))
        {
            _entries[handle] = (true, value);
            return handle;
        }

        _entries.Add((true, value));
        return _entries.Count - 1;
    }

    /// <summary>Frees <paramref name="handle"/>, giving what it held.</summary>
    /// <exception cref="ArgumentException">The handle is not live.</exception>
    public T Remove(int handle)
    {
        if (handle < 0 || handle >= _entries.Count || !_entries[handle].Live)
        {
            throw new ArgumentException($"handle {handle} names no stored object", nameof(handle));
        }

        var value = _entries[handle].Value;
        _entries[handle] = default;
        _free.Push(handle);
        Count--;
        return value;
    }
}
