using ParquetSharp;

namespace MemFw.Traces.Format;

/// <summary>Streams <c>pages.parquet</c> in batches of one row group at most.</summary>
public sealed class PageReader : IDisposable
{
    private readonly ParquetFileReader _file;
    private readonly bool _readContent;
    private readonly int _rowGroups;
    private int _nextGroup;

    /// <summary>Opens the page-contents table at <paramref name="path"/>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="readContent">Whether to decode the content column (the costly one).</param>
    /// <exception cref="TraceInputException">The file is missing, not Parquet, or not a page-contents table.</exception>
    public PageReader(string path, bool readContent)
    {
        Path = path;
        _readContent = readContent;
        _file = PageWriter.Table.OpenReader(path);
        _rowGroups = _file.FileMetaData.NumRowGroups;
        RowCount = _file.FileMetaData.NumRows;
    }

    /// <summary>The file being read.</summary>
    public string Path { get; }

    /// <summary>The number of page rows in the file.</summary>
    public long RowCount { get; }

    /// <summary>The row index of the first page of the batch last read.</summary>
    public long BatchStartRow { get; private set; }

    /// <summary>Rows read so far.</summary>
    public long RowsRead { get; private set; }

    /// <summary>Fills <paramref name="batch"/> with the next row group (its capacity must hold one).</summary>
    /// <returns>The number of pages read; 0 at the end of the file.</returns>
    public int Read(PageBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        batch.Clear();
        while (_nextGroup < _rowGroups)
        {
            using var group = _file.RowGroup(_nextGroup++);
            var n = checked((int)group.MetaData.NumRows);
            if (n == 0)
            {
                continue;
            }

            if (n > batch.Capacity)
            {
                throw new TraceInputException(Path, $"row group {_nextGroup - 1}",
                    $"expected at most {batch.Capacity} rows per row group, found {n}");
            }

            batch.Count = n;
            Fill(group, 0, batch.Vm);
            Fill(group, 1, batch.Time);
            Fill(group, 2, batch.Gfn);
            Fill(group, 3, batch.Hash);
            Fill(group, 4, batch.Zero);
            if (_readContent)
            {
                Fill(group, 5, batch.Content);
            }

            BatchStartRow = RowsRead;
            RowsRead += n;
            return n;
        }

        return 0;
    }

    /// <inheritdoc/>
    public void Dispose() => _file.Dispose();

    private void Fill<T>(RowGroupReader group, int index, Span<T> target)
    {
        using var reader = group.Column(index).LogicalReader<T>();
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
