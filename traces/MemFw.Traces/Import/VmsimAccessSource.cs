using MemFw.Traces.Format;

namespace MemFw.Traces.Import;

/// <summary>
/// Reads the plain text of classic page-replacement simulators: one access per line, <c>&lt;hex address&gt; &lt;R|W&gt;</c>.
/// </summary>
/// <remarks>
/// The address may carry a <c>0x</c> prefix; R/W may be lower case; blank lines and lines starting with <c>#</c> are
/// skipped. The format has no access size, so size is stored as 0 (unknown). Addresses are stored as both
/// guest-virtual and guest-physical (identity-mapped). Time is the access ordinal.
/// </remarks>
internal sealed class VmsimAccessSource : IAccessSource
{
    private readonly CaptureFile _file;
    private readonly LineReader _lines;
    private readonly ushort _vm;
    private long _ordinal;

    /// <summary>Opens <paramref name="path"/> as the accesses of VM <paramref name="vm"/>.</summary>
    public VmsimAccessSource(string path, ushort vm)
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
        while (!batch.IsFull && _lines.TryReadLine(out var line))
        {
            var text = line.Trim((byte)' ').Trim((byte)'\t');
            if (text.IsEmpty || text[0] == (byte)'#')
            {
                continue;
            }

            var split = text.IndexOfAny((byte)' ', (byte)'\t');
            if (split < 0 || !TextField.TryParseHex(text[..split], out var address))
            {
                throw Malformed(line);
            }

            var op = text[split..].TrimStart((byte)' ').TrimStart((byte)'\t');
            var kind = op.Length == 1 ? (op[0] | 0x20) switch
            {
                'r' => AccessKind.Read,
                'w' => AccessKind.Write,
                _ => (AccessKind?)null,
            } : null;
            if (kind is null)
            {
                throw Malformed(line);
            }

            batch.Add(_ordinal++, _vm, 0, address, address, kind.Value, 0, io: false);
        }

        return batch.Count;
    }

    /// <inheritdoc/>
    public void Dispose() => _file.Dispose();

    private TraceInputException Malformed(ReadOnlySpan<byte> line) =>
        new(Path, $"line {_lines.LineNumber}", $"expected '<hex address> <R|W>', found {TextField.Show(line)}");
}
