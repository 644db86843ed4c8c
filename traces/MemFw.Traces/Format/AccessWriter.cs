using System.Runtime.InteropServices;
using ParquetSharp;

namespace MemFw.Traces.Format;

/// <summary>Writes <c>accesses.parquet</c>: buffers accesses and writes them in row groups of the chosen size.</summary>
/// <remarks>
/// A full buffer is encoded and compressed on a background task while the caller fills a second buffer, so parsing a
/// capture and compressing the previous row group overlap on two cores. The caller supplies accesses sorted by
/// (time, vm); <c>memfw trace validate</c> checks that later.
/// </remarks>
public sealed class AccessWriter : IDisposable
{
    /// <summary>The schema of the accesses table, in column order.</summary>
    internal static readonly ParquetTable Table = new(
        "accesses",
        ("time", typeof(long), true),
        ("vm", typeof(ushort), false),
        ("vcpu", typeof(ushort), false),
        ("gva", typeof(ulong), true),
        ("gpa", typeof(ulong), true),
        ("kind", typeof(byte), false),
        ("size", typeof(byte), false),
        ("io", typeof(bool), false));

    private readonly ParquetFileWriter _writer;
    private AccessBatch _buffer;
    private AccessBatch _spare;
    private Task _pending = Task.CompletedTask;
    private bool _closed;

    /// <summary>Creates the file at <paramref name="path"/>.</summary>
    public AccessWriter(string path, int rowGroupRows = TraceFormat.AccessRowGroupRows)
    {
        _writer = Table.CreateWriter(path);
        _buffer = new AccessBatch(rowGroupRows);
        _spare = new AccessBatch(rowGroupRows);
    }

    /// <summary>Accesses written so far.</summary>
    public long Count { get; private set; }

    /// <summary>Appends one access.</summary>
    public void Add(long time, ushort vm, ushort vcpu, ulong gva, ulong gpa, AccessKind kind, byte size, bool io)
    {
        _buffer.Add(time, vm, vcpu, gva, gpa, kind, size, io);
        Count++;
        if (_buffer.IsFull)
        {
            Flush();
        }
    }

    /// <summary>Appends every access of <paramref name="batch"/>.</summary>
    public void Add(AccessBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        for (var i = 0; i < batch.Count; i++)
        {
            _buffer.AddFrom(batch, i);
            if (_buffer.IsFull)
            {
                Flush();
            }
        }

        Count += batch.Count;
    }

    /// <summary>Writes what is buffered and the file footer.</summary>
    public void Close()
    {
        if (_closed)
        {
            return;
        }

        Flush();
        _pending.GetAwaiter().GetResult();
        _writer.Close();
        _closed = true;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        try
        {
            _pending.Wait();
        }
        catch (AggregateException)
        {
            // The failure was reported by Close, or the caller is already unwinding from another error.
        }

        _writer.Dispose();
    }

    private void Flush()
    {
        if (_buffer.Count == 0)
        {
            return;
        }

        _pending.GetAwaiter().GetResult();
        var full = _buffer;
        (_buffer, _spare) = (_spare, full);
        _buffer.Clear();
        _pending = Task.Run(() => WriteRowGroup(full));
    }

    private void WriteRowGroup(AccessBatch rows)
    {
        using var group = _writer.AppendRowGroup();
        Write(group, rows.Time);
        Write(group, rows.Vm);
        Write(group, rows.Vcpu);
        Write(group, rows.Gva);
        Write(group, rows.Gpa);
        Write(group, MemoryMarshal.Cast<AccessKind, byte>(rows.Kind));
        Write(group, rows.Size);
        Write(group, rows.Io);
    }

    private static void Write<T>(RowGroupWriter group, ReadOnlySpan<T> values)
    {
        using var column = group.NextColumn().LogicalWriter<T>();
        column.WriteBatch(values);
    }
}
