using System.IO.Compression;
using MemFw.Traces.Format;
using ZstdSharp;

namespace MemFw.Traces.Import;

/// <summary>
/// Opens a capture file for streaming, decompressing <c>.zst</c> and <c>.gz</c> inputs on the fly, and counts the
/// bytes consumed from disk so progress can be shown.
/// </summary>
internal sealed class CaptureFile : IDisposable
{
    private static readonly byte[] s_zstdMagic = [0x28, 0xB5, 0x2F, 0xFD];
    private static readonly byte[] s_gzipMagic = [0x1F, 0x8B];

    private readonly FileStream _file;
    private readonly bool _isGzip;
    private long _decompressed;
    private bool _ended;

    private CaptureFile(string path, FileStream file, Stream content, bool isGzip)
    {
        Path = path;
        _file = file;
        Content = content;
        _isGzip = isGzip;
    }

    /// <summary>The path the user gave.</summary>
    public string Path { get; }

    /// <summary>The decompressed content.</summary>
    public Stream Content { get; }

    /// <summary>The file's size on disk.</summary>
    public long Length => _file.Length;

    /// <summary>Bytes read from disk so far (compressed bytes for a compressed file).</summary>
    public long Position => _file.Position;

    /// <summary>
    /// Opens <paramref name="path"/>, decompressing <c>.zst</c> and <c>.gz</c> files after checking their magic number;
    /// any other file is read as it is.
    /// </summary>
    /// <exception cref="TraceInputException">The file is missing or lacks the magic number its extension promises.</exception>
    public static CaptureFile Open(string path)
    {
        if (!File.Exists(path))
        {
            throw new TraceInputException(path, "", "input file not found");
        }

        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16,
            FileOptions.SequentialScan);
        try
        {
            Span<byte> head = stackalloc byte[4];
            var n = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            file.Position = 0;
            head = head[..n];
            // The extension decides: a plain binary capture may well start with the two gzip magic bytes.
            var isZstd = path.EndsWith(".zst", StringComparison.OrdinalIgnoreCase);
            var isGzip = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);
            if (isZstd && !head.SequenceEqual(s_zstdMagic))
            {
                throw new TraceInputException(path, "byte offset 0",
                    $"expected the zstd magic 28 B5 2F FD for a .zst file, found {Convert.ToHexString(head)}");
            }

            if (isGzip && !head.StartsWith(s_gzipMagic))
            {
                throw new TraceInputException(path, "byte offset 0",
                    $"expected the gzip magic 1F 8B for a .gz file, found {Convert.ToHexString(head)}");
            }

            Stream content = isZstd ? new DecompressionStream(file, 1 << 17, leaveOpen: true)
                : isGzip ? new GZipStream(file, CompressionMode.Decompress, leaveOpen: true)
                : file;
            return new CaptureFile(path, file, content, isGzip);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Reads up to <paramref name="buffer"/>'s length, turning a decompressor's failure into a
    /// <see cref="TraceInputException"/> that names the decompressed offset.
    /// </summary>
    public int Read(Span<byte> buffer, long decompressedOffset)
    {
        int n;
        try
        {
            n = Content.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        }
        catch (Exception e) when (e is ZstdException or InvalidDataException or IOException)
        {
            throw new TraceInputException(Path, $"decompressed byte offset {decompressedOffset}",
                $"expected a complete compressed stream: {e.Message}", e);
        }

        _decompressed += n;
        if (n < buffer.Length && _isGzip && !_ended)
        {
            _ended = true;
            CheckGzipEnd();
        }

        return n;
    }

    /// <summary>
    /// .NET's <see cref="GZipStream"/> ends a truncated stream as if it were complete, so the end is checked here:
    /// a gzip file ends with the size of its data modulo 2^32 (ISIZE, RFC 1952), which a cut file lacks.
    /// </summary>
    /// <remarks>
    /// ISIZE is the last member's size, so a file of several concatenated gzip members is refused too; the
    /// <c>gzip</c> and <c>pigz</c> commands write one member.
    /// </remarks>
    private void CheckGzipEnd()
    {
        Span<byte> trailer = stackalloc byte[4];
        var found = _file.Length >= 18 && RandomAccess.Read(_file.SafeFileHandle, trailer, _file.Length - 4) == 4
            ? System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(trailer)
            : (uint?)null;
        if (found != (uint)_decompressed)
        {
            var trailerSize = found is { } size ? $"a trailer size of {size}" : "no trailer";
            throw new TraceInputException(Path, $"decompressed byte offset {_decompressed}",
                $"expected a complete compressed stream: the gzip data ended after {_decompressed} bytes, but the " +
                $"file ends with {trailerSize} (is it truncated?)");
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (!ReferenceEquals(Content, _file))
        {
            Content.Dispose();
        }

        _file.Dispose();
    }
}
