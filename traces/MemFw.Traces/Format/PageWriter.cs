using ParquetSharp;

namespace MemFw.Traces.Format;

/// <summary>Writes <c>pages.parquet</c>, the optional page-contents table: one row per guest page per snapshot.</summary>
/// <remarks>Rows must come sorted by (time, vm, gfn), each (time, vm, gfn) once.</remarks>
public sealed class PageWriter : IDisposable
{
    /// <summary>The schema of the page-contents table, in column order.</summary>
    internal static readonly ParquetTable Table = new(
        "pages",
        ("vm", typeof(ushort), false),
        ("time", typeof(long), true),
        ("gfn", typeof(ulong), true),
        ("hash", typeof(ulong), false),
        ("zero", typeof(bool), false),
        ("content", typeof(byte[]), false));

    private readonly ParquetFileWriter _writer;
    private readonly PageBatch _buffer;
    private readonly bool _storeContent;
    private bool _closed;

    /// <summary>Creates the file at <paramref name="path"/>.</summary>
    /// <param name="path">Where to write.</param>
    /// <param name="storeContent">Whether to keep non-zero pages' bytes, or only their hashes.</param>
    public PageWriter(string path, bool storeContent)
    {
        _writer = Table.CreateWriter(path);
        _buffer = new PageBatch();
        _storeContent = storeContent;
    }

    /// <summary>Pages written so far.</summary>
    public long Count { get; private set; }

    /// <summary>Appends a page given its bytes: hashes it, detects a zero page and keeps the bytes if asked to.</summary>
    /// <exception cref="ArgumentException"><paramref name="page"/> is not <see cref="TraceFormat.PageSize"/> long.</exception>
    public void AddPage(ushort vm, long time, ulong gfn, ReadOnlySpan<byte> page)
    {
        if (page.Length != TraceFormat.PageSize)
        {
            throw new ArgumentException($"a page is {TraceFormat.PageSize} bytes, got {page.Length}", nameof(page));
        }

        var zero = PageHash.IsZero(page);
        var content = _storeContent && !zero ? page.ToArray() : null;
        Add(vm, time, gfn, PageHash.Compute(page), zero, content);
    }

    /// <summary>Appends a row as it stands (used when copying rows between traces).</summary>
    public void Add(ushort vm, long time, ulong gfn, ulong hash, bool zero, byte[]? content)
    {
        _buffer.Add(vm, time, gfn, hash, zero, _storeContent ? content : null);
        Count++;
        if (_buffer.IsFull)
        {
            Flush();
        }
    }

    /// <summary>Writes what is buffered and the file footer.</summary>
    public void Close()
    {
        if (_closed)
        {
            return;
        }

        Flush();
        _writer.Close();
        _closed = true;
    }

    /// <inheritdoc/>
    public void Dispose() => _writer.Dispose();

    private void Flush()
    {
        if (_buffer.Count == 0)
        {
            return;
        }

        using var group = _writer.AppendRowGroup();
        Write<ushort>(group, _buffer.Vm);
        Write<long>(group, _buffer.Time);
        Write<ulong>(group, _buffer.Gfn);
        Write<ulong>(group, _buffer.Hash);
        Write<bool>(group, _buffer.Zero);
        Write<byte[]?>(group, _buffer.Content);
        _buffer.Clear();
    }

    private static void Write<T>(RowGroupWriter group, ReadOnlySpan<T> values)
    {
        using var column = group.NextColumn().LogicalWriter<T>();
        column.WriteBatch(values);
    }
}
