using MemFw.Traces.Format;

namespace MemFw.Traces.Import;

/// <summary>
/// Reads the output of <c>valgrind --tool=lackey --trace-mem=yes</c>: lines <c>I  addr,size</c> (instruction
/// fetch), <c> L addr,size</c> (load), <c> S addr,size</c> (store) and <c> M addr,size</c> (modify: a load then a
/// store of the same bytes).
/// </summary>
/// <remarks>
/// Valgrind's own lines (<c>==pid==</c> and <c>--pid--</c>, the header and footer) and blank lines are skipped; any
/// other line is an error naming its number. Addresses are the process's virtual addresses; the importer stores
/// them as both guest-virtual and guest-physical (an identity-mapped guest). Time is the access ordinal.
/// </remarks>
internal sealed class LackeyAccessSource : IAccessSource
{
    private readonly CaptureFile _file;
    private readonly LineReader _lines;
    private readonly ushort _vm;
    private long _ordinal;
    private ulong _pendingStoreAddress;
    private byte _pendingStoreSize;
    private bool _hasPendingStore;

    /// <summary>Opens <paramref name="path"/> as the accesses of VM <paramref name="vm"/>.</summary>
    public LackeyAccessSource(string path, ushort vm)
    {
        _file = CaptureFile.Open(path);
        _lines = new LineReader(_file);
        _vm = vm;
    }

    /// <inheritdoc/>
    public string Path => _file.Path;

    /// <inheritdoc/>
    public long BytesRead => _file.Position;

    /// <inheritdoc/>
    public long BytesTotal => _file.Length;

    /// <inheritdoc/>
    public int Read(AccessBatch batch)
    {
        batch.Clear();
        while (!batch.IsFull)
        {
            if (_hasPendingStore)
            {
                Add(batch, _pendingStoreAddress, AccessKind.Write, _pendingStoreSize);
                _hasPendingStore = false;
                continue;
            }

            if (!_lines.TryReadLine(out var line))
            {
                break;
            }

            ParseLine(batch, line);
        }

        return batch.Count;
    }

    /// <inheritdoc/>
    public void Dispose() => _file.Dispose();

    private void ParseLine(AccessBatch batch, ReadOnlySpan<byte> line)
    {
        var text = line.TrimStart((byte)' ');
        if (text.IsEmpty || text.StartsWith("=="u8) || text.StartsWith("--"u8))
        {
            return;
        }

        if (text.Length < 3 || text[1] != (byte)' ')
        {
            throw Malformed(line);
        }

        var comma = text.IndexOf((byte)',');
        if (comma < 0
            || !TextField.TryParseHex(text[2..comma].TrimStart((byte)' '), out var address)
            || !TextField.TryParseDecimal(text[(comma + 1)..], out var size)
            || size is 0 or > byte.MaxValue)
        {
            throw Malformed(line);
        }

        switch (text[0])
        {
            case (byte)'I':
                Add(batch, address, AccessKind.Fetch, (byte)size);
                break;
            case (byte)'L':
                Add(batch, address, AccessKind.Read, (byte)size);
                break;
            case (byte)'S':
                Add(batch, address, AccessKind.Write, (byte)size);
                break;
            case (byte)'M':
                Add(batch, address, AccessKind.Read, (byte)size);
                _pendingStoreAddress = address;
                _pendingStoreSize = (byte)size;
                _hasPendingStore = true;
                break;
            default:
                throw Malformed(line);
        }
    }

    private void Add(AccessBatch batch, ulong address, AccessKind kind, byte size) =>
        batch.Add(_ordinal++, _vm, 0, address, address, kind, size, io: false);

    private TraceInputException Malformed(ReadOnlySpan<byte> line) =>
        new(Path, $"line {_lines.LineNumber}",
            $"expected a lackey line 'I|L|S|M <hex address>,<size 1-255>', found {TextField.Show(line)}");
}
