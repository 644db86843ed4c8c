using MemFw.Traces.Format;

namespace MemFw.Framework.Host.Engine;

/// <summary>Steps through the RAM accesses of one VM of a trace, in file (time) order, for a merge.</summary>
internal sealed class SourceCursor : IDisposable
{
    private readonly AccessReader _reader;
    private readonly AccessBatch _batch = new();
    private readonly int _vm;
    private int _index;
    private long _lastTime = long.MinValue;

    /// <summary>Opens the accesses of VM <paramref name="vm"/> of <paramref name="trace"/>.</summary>
    public SourceCursor(Trace trace, int vm)
    {
        _reader = trace.OpenAccesses(AccessColumns.Time | AccessColumns.Replay);
        _vm = vm;
    }

    /// <summary>The accesses file, for messages.</summary>
    public string Path => _reader.Path;

    /// <summary>Rows in the file.</summary>
    public long RowCount => _reader.RowCount;

    /// <summary>Rows read so far.</summary>
    public long RowsRead => _reader.RowsRead;

    /// <summary>Whether <see cref="MoveNext"/> found an access.</summary>
    public bool HasCurrent { get; private set; }

    /// <summary>The current access's time.</summary>
    public long Time { get; private set; }

    /// <summary>The current access's guest frame number.</summary>
    public long Gfn { get; private set; }

    /// <summary>Whether the current access writes.</summary>
    public bool Write { get; private set; }

    /// <summary>The current access's row in the file.</summary>
    public long Row => _reader.BatchStartRow + _index - 1;

    /// <summary>RAM accesses of the VM passed so far.</summary>
    public long Accesses { get; private set; }

    /// <summary>Device-memory accesses of the VM skipped so far.</summary>
    public long Io { get; private set; }

    /// <summary>Moves to the VM's next RAM access; false at the end of the file.</summary>
    /// <exception cref="TraceInputException">Times go backwards within the VM.</exception>
    public bool MoveNext()
    {
        while (true)
        {
            if (_index == _batch.Count)
            {
                if (_reader.Read(_batch) == 0)
                {
                    HasCurrent = false;
                    return false;
                }

                _index = 0;
            }

            var i = _index++;
            if (_batch.Vm[i] != _vm)
            {
                continue;
            }

            if (_batch.Io[i])
            {
                Io++;
                continue;
            }

            var time = _batch.Time[i];
            if (time < _lastTime)
            {
                throw new TraceInputException(Path, $"row {Row}",
                    $"expected times in order within VM {_vm}, found {time} after {_lastTime}");
            }

            _lastTime = time;
            Time = time;
            Gfn = (long)(_batch.Gpa[i] >> TraceFormat.PageShift);
            Write = _batch.Kind[i] == AccessKind.Write;
            Accesses++;
            HasCurrent = true;
            return true;
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _reader.Dispose();
}
