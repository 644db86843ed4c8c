namespace MemFw.Plugins.Compression;

/// <summary>
/// Input positions in numbered slots, as the LZRW codecs' hash tables hold them, emptied for each call in constant
/// time.
/// </summary>
/// <remarks>
/// A slot stores a position plus a base that grows by the input length at every <see cref="Reset"/>; a stored value
/// at or below the current base belongs to an earlier call and reads as empty. The array is cleared for real only
/// when the base would overflow, so a 4 KiB page does not pay for clearing a table many times its size.
/// </remarks>
/// <param name="slots">The number of slots.</param>
internal sealed class PositionTable(int slots)
{
    /// <summary>What <see cref="this[int]"/> reads for a slot holding no position of the current call.</summary>
    public const int Empty = -1;

    private readonly int[] _entries = new int[slots];

    /// <summary>The base of the current call: stored values above it are its positions, plus it, plus 1.</summary>
    private int _base;

    /// <summary>The base of the next call.</summary>
    private int _next;

    /// <summary>The position in <paramref name="slot"/>, or <see cref="Empty"/>.</summary>
    public int this[int slot] => _entries[slot] > _base ? _entries[slot] - _base - 1 : Empty;

    /// <summary>Empties every slot for a call over an input of <paramref name="inputLength"/> bytes.</summary>
    public void Reset(int inputLength)
    {
        if (_next > int.MaxValue - inputLength - 1)
        {
            Array.Clear(_entries);
            _next = 0;
        }

        _base = _next;
        _next = _base + inputLength + 1;
    }

    /// <summary>Stores <paramref name="position"/> in <paramref name="slot"/>.</summary>
    public void Set(int slot, int position) => _entries[slot] = _base + position + 1;

    /// <summary>
    /// Puts <paramref name="position"/> first in the <paramref name="count"/> slots from <paramref name="first"/>,
    /// moving the others one slot on; the last one falls out.
    /// </summary>
    public void Push(int first, int count, int position)
    {
        for (var slot = first + count - 1; slot > first; slot--)
        {
            _entries[slot] = _entries[slot - 1];
        }

        Set(first, position);
    }
}
