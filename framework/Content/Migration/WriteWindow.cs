using MemFw.Framework.Host.Engine;
using MemFw.Traces.Format;

namespace MemFw.Framework.Content.Migration;

/// <summary>Steps through a VM's accesses after a time, giving the pages written in each window of accesses.</summary>
internal sealed class WriteWindow : IDisposable
{
    private readonly SourceCursor _cursor;
    private bool _started;

    /// <summary>Opens the accesses of VM <paramref name="vm"/> from time <paramref name="from"/> on.</summary>
    public WriteWindow(Trace trace, int vm, long from)
    {
        _cursor = new SourceCursor(trace, vm);
        while (_cursor.MoveNext() && _cursor.Time < from)
        {
        }

        _started = _cursor.HasCurrent;
        Ended = !_cursor.HasCurrent;
    }

    /// <summary>Whether the accesses ran out.</summary>
    public bool Ended { get; private set; }

    /// <summary>The distinct guest frames written in the next <paramref name="accesses"/> accesses.</summary>
    public HashSet<ulong> Next(long accesses)
    {
        var written = new HashSet<ulong>();
        for (var i = 0L; i < accesses && !Ended; i++)
        {
            if (!_started && !_cursor.MoveNext())
            {
                Ended = true;
                break;
            }

            _started = false;
            if (_cursor.Write)
            {
                written.Add((ulong)_cursor.Gfn);
            }
        }

        return written;
    }

    /// <inheritdoc/>
    public void Dispose() => _cursor.Dispose();
}
