namespace MemFw.Traces.Format;

/// <summary>
/// Decodes the next batch of accesses on another core while the caller works on the current one (double buffering),
/// so a consumer that maps or replays accesses overlaps with Parquet decoding. Memory use is two batches.
/// </summary>
public sealed class PrefetchingAccessReader : IDisposable
{
    private readonly AccessReader _reader;
    private AccessBatch _current;
    private AccessBatch _next;
    private Task<(int Count, long StartRow)> _pending;

    /// <summary>Starts reading <paramref name="reader"/> ahead; the reader is disposed with this object.</summary>
    public PrefetchingAccessReader(AccessReader reader, int batchSize = TraceFormat.AccessRowGroupRows)
    {
        ArgumentNullException.ThrowIfNull(reader);
        _reader = reader;
        _current = new AccessBatch(batchSize);
        _next = new AccessBatch(batchSize);
        _pending = ReadAhead(_next);
    }

    /// <summary>The file being read.</summary>
    public string Path => _reader.Path;

    /// <summary>The number of accesses in the file.</summary>
    public long RowCount => _reader.RowCount;

    /// <summary>The row index of the first access of the batch last returned.</summary>
    public long BatchStartRow { get; private set; }

    /// <summary>Rows returned so far.</summary>
    public long RowsRead { get; private set; }

    /// <summary>The next batch, valid until the following call; null at the end of the file.</summary>
    /// <exception cref="TraceInputException">The file is malformed.</exception>
    public AccessBatch? Next()
    {
        var (count, start) = _pending.GetAwaiter().GetResult();
        if (count == 0)
        {
            return null;
        }

        (_current, _next) = (_next, _current);
        BatchStartRow = start;
        RowsRead = start + count;
        _pending = ReadAhead(_next);
        return _current;
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
            // A decoding error after the caller stopped reading is of no interest to it.
        }

        _reader.Dispose();
    }

    private Task<(int Count, long StartRow)> ReadAhead(AccessBatch batch) =>
        Task.Run(() =>
        {
            var count = _reader.Read(batch);
            return (count, _reader.BatchStartRow);
        });
}
