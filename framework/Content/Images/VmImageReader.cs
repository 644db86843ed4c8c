using System.Buffers.Binary;
using System.Text;
using MemFw.Framework.Content.Compression;
using MemFw.Traces.Format;

namespace MemFw.Framework.Content.Images;

/// <summary>
/// Reads a VM image written by <see cref="VmImage.Save"/> page by page, checking every field: the magic, the version,
/// the sizes, that pages come in ascending gfn order, that references point back to a compressed page, that each
/// compressed page decompresses to 4096 bytes hashing to its stored XXH3-64, and that the file ends where it should.
/// </summary>
/// <remarks>
/// Every problem is a <see cref="TraceInputException"/> naming the file and the byte offset of the field at fault.
/// The decoded contents of compressed pages are kept for the references that may follow (memory grows with the
/// image's distinct contents).
/// </remarks>
public sealed class VmImageReader : IDisposable
{
    private readonly FileStream _stream;
    private readonly ICompressionCodec? _codec;
    private readonly byte[] _compressed;
    private readonly Dictionary<long, VmImagePage> _contents = [];
    private readonly byte[] _field = new byte[8];
    private long _pagesRead;
    private ulong? _lastGfn;

    /// <summary>Opens <paramref name="path"/> and reads its header.</summary>
    /// <param name="path">The image file.</param>
    /// <param name="codecs">Creates the codec the header names (given the spec as written, such as <c>lz4</c>).</param>
    /// <exception cref="TraceInputException">
    /// The file is missing, its header is malformed or of another version, or its codec is unknown.
    /// </exception>
    public VmImageReader(string path, Func<string, ICompressionCodec> codecs)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(codecs);
        Path = path;
        if (!File.Exists(path))
        {
            throw new TraceInputException(path, "", "VM image not found");
        }

        _stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
        try
        {
            Header = ReadHeader();
            try
            {
                _codec = codecs(Header.Codec);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                throw new TraceInputException(path, "codec",
                    $"expected a codec this build knows, found '{Header.Codec}' ({e.Message.Split(" (Parameter '")[0]})",
                    e);
            }

            _compressed = new byte[_codec.MaxCompressedLength(Header.PageSize)];
        }
        catch
        {
            _stream.Dispose();
            throw;
        }
    }

    /// <summary>The image file.</summary>
    public string Path { get; }

    /// <summary>The image's header.</summary>
    public VmImageHeader Header { get; }

    /// <summary>The fraction of the file read so far, from 0 to 1.</summary>
    public double Fraction => _stream.Length == 0 ? 1 : (double)_stream.Position / _stream.Length;

    /// <summary>Reads the next page, in ascending gfn order.</summary>
    /// <returns>The page, or <see langword="null"/> after the last one.</returns>
    /// <exception cref="TraceInputException">The record is malformed, truncated or corrupt.</exception>
    public VmImagePage? Read()
    {
        var offset = _stream.Position;
        if (_pagesRead == Header.PageCount)
        {
            if (offset != _stream.Length)
            {
                Fail(offset, $"expected the end of the file after {Header.PageCount} pages, " +
                    $"found {_stream.Length - offset} more bytes");
            }

            return null;
        }

        if (offset == _stream.Length)
        {
            Fail(offset, $"expected page record {_pagesRead + 1} of {Header.PageCount}, found the end of the file " +
                "(truncated image)");
        }

        var kind = (VmImagePageKind)ReadBytes(1)[0];
        var gfnOffset = _stream.Position;
        var gfn = ReadUInt64();
        if (gfn <= _lastGfn)
        {
            Fail(gfnOffset, $"expected a gfn above {_lastGfn} (pages in ascending order), found {gfn}");
        }

        if (Header.RamBytes > 0 && gfn >= (ulong)(Header.RamBytes / Header.PageSize))
        {
            Fail(gfnOffset, $"expected a gfn below {Header.RamBytes / Header.PageSize} (the RAM size), found {gfn}");
        }

        _lastGfn = gfn;
        _pagesRead++;
        return kind switch
        {
            VmImagePageKind.Zero => new VmImagePage(gfn, kind, VmImage.ZeroPageHash, null),
            VmImagePageKind.HashOnly => new VmImagePage(gfn, kind, ReadUInt64(), null),
            VmImagePageKind.Reference => ReadReference(gfn),
            VmImagePageKind.Compressed => ReadCompressed(gfn, offset),
            _ => Fail<VmImagePage>(offset, $"expected a page kind 0 (zero), 1 (reference), 2 (compressed) or " +
                $"3 (hash), found {(byte)kind}"),
        };
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _stream.Dispose();
        (_codec as IDisposable)?.Dispose();
    }

    private VmImagePage ReadReference(ulong gfn)
    {
        var at = _stream.Position;
        var target = ReadUInt64();
        if (!_contents.TryGetValue(target > long.MaxValue ? -1 : (long)target, out var page))
        {
            Fail(at, $"expected the offset of an earlier compressed page, found {target}");
        }

        return new VmImagePage(gfn, VmImagePageKind.Reference, page.Hash, page.Content);
    }

    private VmImagePage ReadCompressed(ulong gfn, long recordOffset)
    {
        var hash = ReadUInt64();
        var lengthOffset = _stream.Position;
        var length = BinaryPrimitives.ReadInt32LittleEndian(ReadBytes(4));
        if (length <= 0 || length > _compressed.Length)
        {
            Fail(lengthOffset, $"expected a compressed length from 1 to {_compressed.Length}, found {length}");
        }

        var dataOffset = _stream.Position;
        ReadInto(_compressed.AsSpan(0, length));
        var content = new byte[Header.PageSize];
        int restored;
        try
        {
            restored = _codec!.Decompress(_compressed.AsSpan(0, length), content);
        }
        catch (InvalidDataException e)
        {
            throw new TraceInputException(Path, $"byte offset {dataOffset}",
                $"expected a page compressed with {Header.Codec}, found bytes it cannot decode ({e.Message})", e);
        }

        if (restored != Header.PageSize)
        {
            Fail(dataOffset, $"expected a page that decompresses to {Header.PageSize} bytes, found {restored}");
        }

        var actual = PageHash.Compute(content);
        if (actual != hash)
        {
            Fail(dataOffset, $"expected a page hashing to {hash:x16} (XXH3-64), found {actual:x16}");
        }

        var page = new VmImagePage(gfn, VmImagePageKind.Compressed, hash, content);
        _contents[recordOffset] = page;
        return page;
    }

    private VmImageHeader ReadHeader()
    {
        var magic = ReadBytes(8);
        if (!magic.SequenceEqual(VmImage.Magic))
        {
            Fail(0, $"expected the magic 'MEMFWIMG' of a MemFw VM image, found {Convert.ToHexString(magic)}");
        }

        var version = BinaryPrimitives.ReadUInt16LittleEndian(ReadBytes(2));
        if (version != VmImage.FormatVersion)
        {
            Fail(8, $"expected format version {VmImage.FormatVersion}, found {version}");
        }

        var flags = BinaryPrimitives.ReadUInt16LittleEndian(ReadBytes(2));
        if ((flags & ~VmImage.HashImageFlag) != 0)
        {
            Fail(VmImage.FlagsOffset, $"expected flags 0 or 1, found {flags}");
        }

        var pageSize = BinaryPrimitives.ReadInt32LittleEndian(ReadBytes(4));
        if (pageSize != TraceFormat.PageSize)
        {
            Fail(12, $"expected page size {TraceFormat.PageSize}, found {pageSize}");
        }

        var ram = ReadInt64(16, "a RAM size of whole pages (0 when unknown)", v => v >= 0 && v % pageSize == 0);
        var time = ReadInt64(24, "", _ => true);
        var pages = ReadInt64(VmImage.PageCountOffset, "a page count that fits the RAM size",
            v => v >= 0 && (ram == 0 || v <= ram / pageSize));
        var vcpus = BinaryPrimitives.ReadUInt16LittleEndian(ReadBytes(2));
        if (vcpus == 0)
        {
            Fail(40, "expected at least 1 vCPU, found 0");
        }

        var mode = (AddressMode)ReadBytes(1)[0];
        if (!Enum.IsDefined(mode))
        {
            Fail(42, $"expected address mode 0 (translated) or 1 (identity), found {(byte)mode}");
        }

        var unit = (TimeUnit)ReadBytes(1)[0];
        if (!Enum.IsDefined(unit))
        {
            Fail(43, $"expected time unit 0 (ordinal) or 1 (ns), found {(byte)unit}");
        }

        var name = ReadText("VM name");
        var codec = ReadText("codec spec");
        return new VmImageHeader(version, name, ram, pageSize, vcpus, mode, time, unit, codec,
            (flags & VmImage.HashImageFlag) != 0, pages);
    }

    private long ReadInt64(long offset, string expected, Func<long, bool> valid)
    {
        var value = BinaryPrimitives.ReadInt64LittleEndian(ReadBytes(8));
        if (!valid(value))
        {
            Fail(offset, $"expected {expected}, found {value}");
        }

        return value;
    }

    private string ReadText(string what)
    {
        var offset = _stream.Position;
        var length = BinaryPrimitives.ReadUInt16LittleEndian(ReadBytes(2));
        if (length is 0 or > VmImage.MaxTextBytes)
        {
            Fail(offset, $"expected a {what} of 1 to {VmImage.MaxTextBytes} bytes, found a length of {length}");
        }

        var bytes = new byte[length];
        ReadInto(bytes);
        return Encoding.UTF8.GetString(bytes);
    }

    private ulong ReadUInt64() => BinaryPrimitives.ReadUInt64LittleEndian(ReadBytes(8));

    private ReadOnlySpan<byte> ReadBytes(int count)
    {
        ReadInto(_field.AsSpan(0, count));
        return _field.AsSpan(0, count);
    }

    private void ReadInto(Span<byte> target)
    {
        var offset = _stream.Position;
        var read = _stream.ReadAtLeast(target, target.Length, throwOnEndOfStream: false);
        if (read < target.Length)
        {
            Fail(offset, $"expected {target.Length} more bytes, found {read} before the end of the file " +
                "(truncated image)");
        }
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private void Fail(long offset, string problem) => throw new TraceInputException(Path, $"byte offset {offset}", problem);

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private T Fail<T>(long offset, string problem) => throw new TraceInputException(Path, $"byte offset {offset}", problem);
}
