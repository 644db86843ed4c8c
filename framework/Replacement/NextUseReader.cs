using System.Runtime.InteropServices;

namespace MemFw.Framework.Replacement;

/// <summary>Yields the next-use position of each access in replay order, one value per call, without allocating.</summary>
public sealed class NextUseReader : IDisposable
{
    /// <summary>The next use of a page never accessed again.</summary>
    public const long Never = long.MaxValue;

    private readonly FileStream? _file;
    private readonly long[] _buffer;
    private int _index;
    private int _count;

    internal NextUseReader(string path)
    {
        _file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        _buffer = new long[1 << 14];
    }

    internal NextUseReader(long[] values)
    {
        _buffer = values;
        _count = values.Length;
    }

    /// <summary>The position of the next access to the page of the current access, or <see cref="Never"/>.</summary>
    /// <exception cref="InvalidOperationException">More values were read than there are accesses.</exception>
    public long Next()
    {
        if (_index == _count)
        {
            Refill();
        }

        return _buffer[_index++];
    }

    /// <inheritdoc/>
    public void Dispose() => _file?.Dispose();

    private void Refill()
    {
        var bytes = _file is null ? 0 : _file.ReadAtLeast(MemoryMarshal.AsBytes(_buffer.AsSpan()),
            _buffer.Length * sizeof(long), throwOnEndOfStream: false);
        _count = bytes / sizeof(long);
        _index = 0;
        if (_count == 0)
        {
            throw new InvalidOperationException("read past the last access's next use");
        }
    }
}
