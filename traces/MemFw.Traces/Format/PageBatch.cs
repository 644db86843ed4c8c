namespace MemFw.Traces.Format;

/// <summary>A block of page-contents rows as struct-of-arrays buffers, reused across reads.</summary>
public sealed class PageBatch
{
    private readonly ushort[] _vm;
    private readonly long[] _time;
    private readonly ulong[] _gfn;
    private readonly ulong[] _hash;
    private readonly bool[] _zero;
    private readonly byte[]?[] _content;
    private int _count;

    /// <summary>Creates a batch that holds up to <paramref name="capacity"/> pages.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is not positive.</exception>
    public PageBatch(int capacity = TraceFormat.PageRowGroupRows)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _vm = new ushort[capacity];
        _time = new long[capacity];
        _gfn = new ulong[capacity];
        _hash = new ulong[capacity];
        _zero = new bool[capacity];
        _content = new byte[]?[capacity];
    }

    /// <summary>How many pages the batch can hold.</summary>
    public int Capacity => _vm.Length;

    /// <summary>How many pages the batch holds now.</summary>
    public int Count
    {
        get => _count;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, Capacity);
            _count = value;
        }
    }

    /// <summary>Whether the batch is full.</summary>
    public bool IsFull => _count == _vm.Length;

    /// <summary>VM id of each page.</summary>
    public Span<ushort> Vm => _vm.AsSpan(0, _count);

    /// <summary>Snapshot time of each page, in the trace's unit.</summary>
    public Span<long> Time => _time.AsSpan(0, _count);

    /// <summary>Guest frame number (guest-physical address / 4096) of each page.</summary>
    public Span<ulong> Gfn => _gfn.AsSpan(0, _count);

    /// <summary>XXH3-64 of each page's content (<see cref="PageHash"/>).</summary>
    public Span<ulong> Hash => _hash.AsSpan(0, _count);

    /// <summary>Whether each page is all zero bytes.</summary>
    public Span<bool> Zero => _zero.AsSpan(0, _count);

    /// <summary>The 4096 bytes of each page, or <see langword="null"/> for zero pages and hash-only traces.</summary>
    public Span<byte[]?> Content => _content.AsSpan(0, _count);

    /// <summary>Empties the batch.</summary>
    public void Clear()
    {
        Array.Clear(_content, 0, _count);
        _count = 0;
    }

    /// <summary>Appends one page row; the caller checks <see cref="IsFull"/> first.</summary>
    public void Add(ushort vm, long time, ulong gfn, ulong hash, bool zero, byte[]? content)
    {
        var i = _count;
        _vm[i] = vm;
        _time[i] = time;
        _gfn[i] = gfn;
        _hash[i] = hash;
        _zero[i] = zero;
        _content[i] = content;
        _count = i + 1;
    }
}
