using System.Buffers.Binary;
using MemFw.Traces.Format;

namespace MemFw.Traces.Import;

/// <summary>
/// Reads the 16-byte little-endian records of a QEMU TCG memory-access plugin: the guest-virtual address, then
/// <c>(gpa &lt;&lt; 8) | (is_store &lt;&lt; 7) | (is_io &lt;&lt; 6) | log2(size)</c>.
/// </summary>
/// <remarks>
/// The capture has no clock and one total order, so time is the record's ordinal. Bits 2-5 of the second word are
/// reserved and zero in every record the plugin writes; a set bit means the input is not such a capture (for
/// example a text file given with the wrong <c>--format</c>), and is reported with its byte offset.
/// </remarks>
internal sealed class QemuAccessSource : IAccessSource
{
    /// <summary>Bytes per record.</summary>
    public const int RecordSize = 16;

    private const ulong ReservedBits = 0b11_1100;

    private readonly CaptureFile _file;
    private readonly ushort _vm;
    private readonly byte[] _buffer = new byte[RecordSize * 8192];
    private long _ordinal;

    /// <summary>Opens <paramref name="path"/> as the accesses of VM <paramref name="vm"/>.</summary>
    public QemuAccessSource(string path, ushort vm)
    {
        _file = CaptureFile.Open(path);
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
            var want = Math.Min(_buffer.Length, (batch.Capacity - batch.Count) * RecordSize);
            var offset = _ordinal * RecordSize;
            var n = _file.Read(_buffer.AsSpan(0, want), offset);
            if (n % RecordSize != 0)
            {
                var at = offset + (n / RecordSize * RecordSize);
                throw new TraceInputException(Path, $"byte offset {at}",
                    $"truncated record: expected {RecordSize} bytes, found {n % RecordSize}");
            }

            for (var i = 0; i < n; i += RecordSize)
            {
                var gva = BinaryPrimitives.ReadUInt64LittleEndian(_buffer.AsSpan(i));
                var packed = BinaryPrimitives.ReadUInt64LittleEndian(_buffer.AsSpan(i + 8));
                if ((packed & ReservedBits) != 0)
                {
                    throw new TraceInputException(Path, $"byte offset {offset + i}",
                        $"expected reserved bits 2-5 of the second word to be zero, found 0x{packed:X16} " +
                        "(is this a QEMU memory-access capture?)");
                }

                var kind = (packed & 0x80) != 0 ? AccessKind.Write : AccessKind.Read;
                var io = (packed & 0x40) != 0;
                batch.Add(_ordinal++, _vm, 0, gva, packed >> 8, kind, (byte)(1 << (int)(packed & 3)), io);
            }

            if (n < want)
            {
                break;
            }
        }

        return batch.Count;
    }

    /// <inheritdoc/>
    public void Dispose() => _file.Dispose();
}
