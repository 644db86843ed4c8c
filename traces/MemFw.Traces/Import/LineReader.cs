using MemFw.Traces.Format;

namespace MemFw.Traces.Import;

/// <summary>Splits a capture's text into lines without allocating per line, counting line numbers for errors.</summary>
internal sealed class LineReader
{
    private const int MaxLineLength = 4096;

    private readonly CaptureFile _file;
    private readonly byte[] _buffer = new byte[1 << 16];
    private int _start;
    private int _end;
    private long _consumed;
    private bool _eof;

    /// <summary>Reads lines of <paramref name="file"/>.</summary>
    public LineReader(CaptureFile file) => _file = file;

    /// <summary>The 1-based number of the line last returned.</summary>
    public long LineNumber { get; private set; }

    /// <summary>Returns the next line without its end-of-line bytes.</summary>
    /// <returns><see langword="false"/> at the end of the input.</returns>
    /// <exception cref="TraceInputException">A line is longer than any capture format allows.</exception>
    public bool TryReadLine(out ReadOnlySpan<byte> line)
    {
        while (true)
        {
            var newline = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                line = TrimCarriageReturn(_buffer.AsSpan(_start, newline));
                _start += newline + 1;
                LineNumber++;
                return true;
            }

            if (_eof)
            {
                if (_start < _end)
                {
                    line = TrimCarriageReturn(_buffer.AsSpan(_start, _end - _start));
                    _start = _end;
                    LineNumber++;
                    return true;
                }

                line = default;
                return false;
            }

            Refill();
        }
    }

    private void Refill()
    {
        var pending = _end - _start;
        if (pending >= MaxLineLength)
        {
            throw new TraceInputException(_file.Path, $"line {LineNumber + 1}",
                $"expected a line shorter than {MaxLineLength} bytes (is this a text capture?)");
        }

        _buffer.AsSpan(_start, pending).CopyTo(_buffer);
        _consumed += _start;
        _start = 0;
        _end = pending;
        var n = _file.Read(_buffer.AsSpan(_end), _consumed + _end);
        _end += n;
        _eof = n == 0;
    }

    private static ReadOnlySpan<byte> TrimCarriageReturn(ReadOnlySpan<byte> line) =>
        line.Length > 0 && line[^1] == (byte)'\r' ? line[..^1] : line;
}
