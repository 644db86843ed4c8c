using System.Runtime.InteropServices;
using ParquetSharp;

namespace MemFw.Traces.Format;

/// <summary>
/// Streams <c>accesses.parquet</c> in batches, decoding only the columns asked for. Memory use is one batch and one
/// row group's decoder state, whatever the trace size.
/// </summary>
public sealed class AccessReader : IDisposable
{
    private readonly ParquetFileReader _file;
    private readonly AccessColumns _columns;
    private readonly int _rowGroups;
    private readonly LogicalColumnReader?[] _readers = new LogicalColumnReader?[8];
    private RowGroupReader? _group;
    private int _nextGroup;
    private long _groupRowsLeft;

    /// <summary>Opens the accesses table at <paramref name="path"/> for the given columns.</summary>
    /// <exception cref="TraceInputException">The file is missing, not Parquet, or not an accesses table.</exception>
    public AccessReader(string path, AccessColumns columns)
    {
        Path = path;
        _columns = columns;
        _file = AccessWriter.Table.OpenReader(path);
        _rowGroups = _file.FileMetaData.NumRowGroups;
        RowCount = _file.FileMetaData.NumRows;
    }

    /// <summary>The file being read.</summary>
    public string Path { get; }

    /// <summary>The number of accesses in the file.</summary>
    public long RowCount { get; }

    /// <summary>The row index (0-based, in the file) of the first access of the batch last read.</summary>
    public long BatchStartRow { get; private set; }

    /// <summary>Rows read so far.</summary>
    public long RowsRead { get; private set; }

    /// <summary>Fills <paramref name="batch"/> with the next accesses.</summary>
    /// <returns>The number of accesses read; 0 at the end of the file.</returns>
    public int Read(AccessBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        while (_groupRowsLeft == 0)
        {
            if (_nextGroup == _rowGroups)
            {
                batch.Count = 0;
                return 0;
            }

            OpenGroup(_nextGroup++);
        }

        var n = (int)Math.Min(batch.Capacity, _groupRowsLeft);
        batch.Count = n;
        Fill(AccessColumns.Time, 0, batch.Time);
        Fill(AccessColumns.Vm, 1, batch.Vm);
        Fill(AccessColumns.Vcpu, 2, batch.Vcpu);
        Fill(AccessColumns.Gva, 3, batch.Gva);
        Fill(AccessColumns.Gpa, 4, batch.Gpa);
        Fill(AccessColumns.Kind, 5, MemoryMarshal.Cast<AccessKind, byte>(batch.Kind));
        Fill(AccessColumns.Size, 6, batch.Size);
        Fill(AccessColumns.Io, 7, batch.Io);
        _groupRowsLeft -= n;
        BatchStartRow = RowsRead;
        RowsRead += n;
        return n;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        CloseGroup();
        _file.Dispose();
    }

    private void OpenGroup(int index)
    {
        CloseGroup();
        _group = _file.RowGroup(index);
        _groupRowsLeft = _group.MetaData.NumRows;
        for (var c = 0; c < _readers.Length; c++)
        {
            if ((_columns & (AccessColumns)(1 << c)) != 0)
            {
                _readers[c] = _group.Column(c).LogicalReader();
            }
        }
    }

    private void CloseGroup()
    {
        for (var c = 0; c < _readers.Length; c++)
        {
            _readers[c]?.Dispose();
            _readers[c] = null;
        }

        _group?.Dispose();
        _group = null;
    }

    private void Fill<T>(AccessColumns column, int index, Span<T> target)
    {
        if ((_columns & column) == 0)
        {
            return;
        }

        var reader = (LogicalColumnReader<T>)_readers[index]!;
        var done = 0;
        while (done < target.Length)
        {
            var read = reader.ReadBatch(target[done..]);
            if (read == 0)
            {
                throw new TraceInputException(Path, $"row {RowsRead + done}",
                    $"column {index} ended before its row group's {target.Length} rows");
            }

            done += read;
        }
    }
}
