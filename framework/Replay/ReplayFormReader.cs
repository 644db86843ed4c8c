using System.Runtime.InteropServices;

namespace MemFw.Framework.Replay;

/// <summary>Reads a <see cref="ReplayForm"/>'s entries in blocks into one buffer reused for the whole replay.</summary>
public sealed class ReplayFormReader : IDisposable
{
    private readonly FileStream? _file;
    private readonly uint[]? _memory;
    private readonly uint[] _buffer = new uint[ReplayForm.BlockEntries];
    private long _position;

    internal ReplayFormReader(string path) =>
        _file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16,
            FileOptions.SequentialScan);

    internal ReplayFormReader(uint[] entries) => _memory = entries;

    /// <summary>The next block of entries; empty at the end.</summary>
    public ReadOnlySpan<uint> ReadBlock()
    {
        if (_memory is not null)
        {
            var n = (int)Math.Min(_buffer.Length, _memory.Length - _position);
            var block = _memory.AsSpan((int)_position, n);
            _position += n;
            return block;
        }

        var bytes = _file!.ReadAtLeast(MemoryMarshal.AsBytes(_buffer.AsSpan()), _buffer.Length * sizeof(uint),
            throwOnEndOfStream: false);
        return _buffer.AsSpan(0, bytes / sizeof(uint));
    }

    /// <inheritdoc/>
    public void Dispose() => _file?.Dispose();
}
