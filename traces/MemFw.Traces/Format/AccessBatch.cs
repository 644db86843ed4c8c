namespace MemFw.Traces.Format;

/// <summary>
/// A block of accesses as struct-of-arrays buffers, reused for a whole read or write so that streaming a trace
/// allocates nothing per access.
/// </summary>
/// <remarks>
/// Columns a reader was not asked for keep stale values; read only the columns you requested. A reader fills a batch
/// by setting <see cref="Count"/> and writing into the column spans.
/// </remarks>
public sealed class AccessBatch
{
    private readonly long[] _time;
    private readonly ushort[] _vm;
    private readonly ushort[] _vcpu;
    private readonly ulong[] _gva;
    private readonly ulong[] _gpa;
    private readonly AccessKind[] _kind;
    private readonly byte[] _size;
    private readonly bool[] _io;
    private int _count;

    /// <summary>Creates a batch that holds up to <paramref name="capacity"/> accesses.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is not positive.</exception>
    public AccessBatch(int capacity = TraceFormat.AccessRowGroupRows)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _time = new long[capacity];
        _vm = new ushort[capacity];
        _vcpu = new ushort[capacity];
        _gva = new ulong[capacity];
        _gpa = new ulong[capacity];
        _kind = new AccessKind[capacity];
        _size = new byte[capacity];
        _io = new bool[capacity];
    }

    /// <summary>How many accesses the batch can hold.</summary>
    public int Capacity => _time.Length;

    /// <summary>How many accesses the batch holds now.</summary>
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
    public bool IsFull => _count == _time.Length;

    /// <summary>Time of each access, in the trace's unit.</summary>
    public Span<long> Time => _time.AsSpan(0, _count);

    /// <summary>VM id of each access.</summary>
    public Span<ushort> Vm => _vm.AsSpan(0, _count);

    /// <summary>Virtual CPU of each access.</summary>
    public Span<ushort> Vcpu => _vcpu.AsSpan(0, _count);

    /// <summary>Guest-virtual address of each access.</summary>
    public Span<ulong> Gva => _gva.AsSpan(0, _count);

    /// <summary>Guest-physical address of each access.</summary>
    public Span<ulong> Gpa => _gpa.AsSpan(0, _count);

    /// <summary>Kind of each access.</summary>
    public Span<AccessKind> Kind => _kind.AsSpan(0, _count);

    /// <summary>Size in bytes of each access (0: unknown).</summary>
    public Span<byte> Size => _size.AsSpan(0, _count);

    /// <summary>Whether each access went to device memory.</summary>
    public Span<bool> Io => _io.AsSpan(0, _count);

    /// <summary>Empties the batch without clearing its buffers.</summary>
    public void Clear() => _count = 0;

    /// <summary>Appends one access; the caller checks <see cref="IsFull"/> first.</summary>
    public void Add(long time, ushort vm, ushort vcpu, ulong gva, ulong gpa, AccessKind kind, byte size, bool io)
    {
        var i = _count;
        _time[i] = time;
        _vm[i] = vm;
        _vcpu[i] = vcpu;
        _gva[i] = gva;
        _gpa[i] = gpa;
        _kind[i] = kind;
        _size[i] = size;
        _io[i] = io;
        _count = i + 1;
    }

    /// <summary>Appends access <paramref name="index"/> of <paramref name="source"/>; the caller checks room.</summary>
    public void AddFrom(AccessBatch source, int index)
    {
        ArgumentNullException.ThrowIfNull(source);
        Add(source._time[index], source._vm[index], source._vcpu[index], source._gva[index], source._gpa[index],
            source._kind[index], source._size[index], source._io[index]);
    }
}
