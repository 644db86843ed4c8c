using System.Buffers.Binary;
using System.Text;
using MemFw.Framework.Content.Compression;
using MemFw.Traces.Format;

namespace MemFw.Framework.Content.Images;

/// <summary>
/// Saves one VM's guest-physical memory at one snapshot time to a single image file, as a suspend writes it, and
/// restores an image to a trace whose page-contents table holds the pages again (<c>docs/images.md</c>).
/// </summary>
/// <remarks>
/// Each distinct non-zero content is compressed once; a later page with the same bytes (compared byte for byte, not
/// only by hash) is stored as a reference to the first. Zero pages are a marker. Pages the trace holds only hashes
/// for are stored as their hash, which makes the image a hash image: it restores to hashes, not to memory.
/// </remarks>
public static class VmImage
{
    /// <summary>The image format version this code writes and reads.</summary>
    public const int FormatVersion = 1;

    /// <summary>The name of the capture format that restored traces record as their source.</summary>
    public const string SourceFormat = "vm-image";

    /// <summary>The 8 bytes every image starts with.</summary>
    internal static ReadOnlySpan<byte> Magic => "MEMFWIMG"u8;

    /// <summary>The byte offset of the flags in the header (patched when the pages are written).</summary>
    internal const int FlagsOffset = 10;

    /// <summary>The byte offset of the page count in the header (patched when the pages are written).</summary>
    internal const int PageCountOffset = 32;

    /// <summary>The flag bit of a hash image.</summary>
    internal const ushort HashImageFlag = 1;

    /// <summary>The longest VM name or codec spec, in UTF-8 bytes.</summary>
    internal const int MaxTextBytes = 1024;

    /// <summary>The hash of a page of 4096 zero bytes, which zero rows carry.</summary>
    internal static readonly ulong ZeroPageHash = PageHash.Compute(new byte[TraceFormat.PageSize]);

    /// <summary>
    /// Writes the snapshot of <paramref name="vm"/> at <paramref name="time"/> in <paramref name="trace"/> to
    /// <paramref name="imageFile"/>, under a temporary name moved into place when complete.
    /// </summary>
    /// <param name="trace">The trace holding the snapshot in its page-contents table.</param>
    /// <param name="vm">The VM to save.</param>
    /// <param name="time">The snapshot time, in the trace's unit.</param>
    /// <param name="codecSpec">The codec's spec as the header records it (<c>lz4</c>, <c>zstd:level=3</c>).</param>
    /// <param name="codec">The codec that compresses the pages.</param>
    /// <param name="imageFile">The image file to write.</param>
    /// <param name="overwrite">Replace an existing file (the <c>--force</c> of the CLI).</param>
    /// <param name="progress">Told the fraction of the page table read, if given.</param>
    /// <returns>How the pages were stored and the file's size.</returns>
    /// <exception cref="TraceInputException">
    /// The output exists and <paramref name="overwrite"/> is false, the trace has no such snapshot, or its page table
    /// is malformed.
    /// </exception>
    public static VmImageSummary Save(Trace trace, VmDescriptor vm, long time, string codecSpec,
        ICompressionCodec codec, string imageFile, bool overwrite, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentNullException.ThrowIfNull(vm);
        ArgumentNullException.ThrowIfNull(codec);
        ArgumentException.ThrowIfNullOrEmpty(codecSpec);
        ArgumentException.ThrowIfNullOrEmpty(imageFile);
        if (!trace.HasPages)
        {
            throw new TraceInputException(trace.Path, "", $"expected a page-contents table ({TraceFormat.PagesFile}) " +
                "to save a VM image from, found none");
        }

        var target = Path.GetFullPath(imageFile);
        if (!overwrite && (File.Exists(target) || Directory.Exists(target)))
        {
            throw new TraceInputException(imageFile, "", "output already exists (pass --force to replace it)");
        }

        var directory = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory,
            $".{Path.GetFileName(target)}.tmp-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            VmImageSummary summary;
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None,
                       bufferSize: 1 << 16))
            {
                summary = WritePages(trace, vm, time, codecSpec, codec, stream, progress);
            }

            if (summary.Pages == 0)
            {
                throw new TraceInputException(trace.PagesPath, "",
                    $"expected a snapshot of VM '{vm.Name}' at time {time}, found none");
            }

            File.Move(temporary, target, overwrite);
            return summary;
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>
    /// Restores <paramref name="imageFile"/> to the trace folder <paramref name="outputTrace"/>: one VM (id 0), no
    /// accesses, and a page-contents table holding the image's pages at its snapshot time, bytes included where the
    /// image has them.
    /// </summary>
    /// <param name="imageFile">The image to read.</param>
    /// <param name="outputTrace">The trace folder to write.</param>
    /// <param name="codecs">Creates the codec named by the image's header.</param>
    /// <param name="overwrite">Replace an existing trace (the <c>--force</c> of the CLI).</param>
    /// <param name="progress">Told the fraction of the image read, if given.</param>
    /// <returns>The image's header.</returns>
    /// <exception cref="TraceInputException">The image is malformed, truncated or corrupt, or the output exists.</exception>
    public static VmImageHeader Restore(string imageFile, string outputTrace, Func<string, ICompressionCodec> codecs,
        bool overwrite, IProgress<double>? progress = null)
    {
        using var reader = new VmImageReader(imageFile, codecs);
        var header = reader.Header;
        using var writer = new TraceWriter(outputTrace, overwrite);
        var pages = writer.StartPages(storeContent: true);
        while (reader.Read() is { } page)
        {
            pages.Add(0, header.SnapshotTime, page.Gfn, page.Hash, page.IsZero, page.Content);
            if (progress is not null && pages.Count % 4096 == 0)
            {
                progress.Report(reader.Fraction);
            }
        }

        writer.Commit(new TraceMetadata
        {
            FormatVersion = TraceFormat.Version,
            TimeUnit = header.TimeUnit,
            CreatedBy = "memfw vm restore",
            Description = $"VM '{header.VmName}' restored from a memory image at time {header.SnapshotTime}",
            Vms =
            [
                new VmDescriptor
                {
                    Id = 0,
                    Name = header.VmName,
                    RamBytes = header.RamBytes > 0 ? header.RamBytes : null,
                    PageSize = header.PageSize,
                    Vcpus = header.Vcpus,
                    AddressMode = header.AddressMode,
                    Sources =
                    [
                        new CaptureSource
                        {
                            Format = SourceFormat,
                            File = Path.GetFileName(imageFile),
                            Capture = header.HashImage
                                ? $"memfw vm save, hash image (codec {header.Codec})"
                                : $"memfw vm save (codec {header.Codec})",
                            SnapshotTime = header.SnapshotTime,
                        },
                    ],
                },
            ],
        });
        progress?.Report(1);
        return header;
    }

    private static VmImageSummary WritePages(Trace trace, VmDescriptor vm, long time, string codecSpec,
        ICompressionCodec codec, FileStream stream, IProgress<double>? progress)
    {
        var header = new VmImageHeader(FormatVersion, vm.Name, vm.RamBytes ?? 0, vm.PageSize, vm.Vcpus,
            vm.AddressMode, time, trace.Metadata.TimeUnit, codecSpec, HashImage: false, PageCount: 0);
        WriteHeader(stream, header);
        var record = new byte[1 + 8 + 8 + 4 + codec.MaxCompressedLength(TraceFormat.PageSize)];
        var written = new Dictionary<ulong, List<(long Offset, byte[] Content)>>();
        long pages = 0, zero = 0, references = 0, compressed = 0, hashes = 0, compressedBytes = 0;
        ulong? lastGfn = null;
        var batch = new PageBatch();
        using var reader = trace.OpenPages(readContent: true);
        while (reader.Read(batch) > 0)
        {
            for (var i = 0; i < batch.Count; i++)
            {
                if (batch.Vm[i] != vm.Id || batch.Time[i] != time)
                {
                    continue;
                }

                var gfn = batch.Gfn[i];
                if (gfn <= lastGfn)
                {
                    throw new TraceInputException(reader.Path, $"row {reader.BatchStartRow + i}",
                        $"expected gfn above {lastGfn} (rows sorted by time, vm, gfn), found {gfn}");
                }

                lastGfn = gfn;
                pages++;
                record[0] = (byte)Kind(batch.Zero[i], batch.Content[i]);
                BinaryPrimitives.WriteUInt64LittleEndian(record.AsSpan(1), gfn);
                var length = 9;
                if (batch.Zero[i])
                {
                    zero++;
                }
                else if (batch.Content[i] is not { } content)
                {
                    hashes++;
                    BinaryPrimitives.WriteUInt64LittleEndian(record.AsSpan(9), batch.Hash[i]);
                    length = 17;
                }
                else if (Find(written, batch.Hash[i], content) is { } offset)
                {
                    references++;
                    record[0] = (byte)VmImagePageKind.Reference;
                    BinaryPrimitives.WriteUInt64LittleEndian(record.AsSpan(9), (ulong)offset);
                    length = 17;
                }
                else
                {
                    compressed++;
                    AddContent(written, batch.Hash[i], stream.Position, content);
                    BinaryPrimitives.WriteUInt64LittleEndian(record.AsSpan(9), batch.Hash[i]);
                    var size = codec.Compress(content, record.AsSpan(21));
                    BinaryPrimitives.WriteInt32LittleEndian(record.AsSpan(17), size);
                    compressedBytes += size;
                    length = 21 + size;
                }

                stream.Write(record, 0, length);
            }

            progress?.Report((double)reader.RowsRead / reader.RowCount);
        }

        var fileBytes = stream.Position;
        Span<byte> patch = stackalloc byte[8];
        stream.Position = FlagsOffset;
        BinaryPrimitives.WriteUInt16LittleEndian(patch, hashes > 0 ? HashImageFlag : (ushort)0);
        stream.Write(patch[..2]);
        stream.Position = PageCountOffset;
        BinaryPrimitives.WriteInt64LittleEndian(patch, pages);
        stream.Write(patch);
        stream.Flush(flushToDisk: true);
        return new VmImageSummary(header with { HashImage = hashes > 0, PageCount = pages }, zero, references,
            compressed, hashes, compressedBytes, fileBytes);
    }

    private static VmImagePageKind Kind(bool zero, byte[]? content) =>
        zero ? VmImagePageKind.Zero : content is null ? VmImagePageKind.HashOnly : VmImagePageKind.Compressed;

    private static long? Find(Dictionary<ulong, List<(long Offset, byte[] Content)>> written, ulong hash,
        byte[] content)
    {
        if (written.TryGetValue(hash, out var candidates))
        {
            foreach (var (offset, bytes) in candidates)
            {
                if (bytes.AsSpan().SequenceEqual(content))
                {
                    return offset;
                }
            }
        }

        return null;
    }

    private static void AddContent(Dictionary<ulong, List<(long Offset, byte[] Content)>> written, ulong hash,
        long offset, byte[] content)
    {
        if (!written.TryGetValue(hash, out var list))
        {
            written[hash] = list = [];
        }

        list.Add((offset, content));
    }

    private static void WriteHeader(Stream stream, VmImageHeader header)
    {
        var name = Encoding.UTF8.GetBytes(header.VmName);
        var codec = Encoding.UTF8.GetBytes(header.Codec);
        if (name.Length > MaxTextBytes || codec.Length > MaxTextBytes)
        {
            throw new ArgumentException($"a VM name or codec spec is at most {MaxTextBytes} UTF-8 bytes",
                nameof(header));
        }

        var bytes = new byte[48 + name.Length + codec.Length];
        var span = bytes.AsSpan();
        Magic.CopyTo(span);
        BinaryPrimitives.WriteUInt16LittleEndian(span[8..], (ushort)header.FormatVersion);
        BinaryPrimitives.WriteUInt16LittleEndian(span[FlagsOffset..], 0);
        BinaryPrimitives.WriteInt32LittleEndian(span[12..], header.PageSize);
        BinaryPrimitives.WriteInt64LittleEndian(span[16..], header.RamBytes);
        BinaryPrimitives.WriteInt64LittleEndian(span[24..], header.SnapshotTime);
        BinaryPrimitives.WriteInt64LittleEndian(span[PageCountOffset..], 0);
        BinaryPrimitives.WriteUInt16LittleEndian(span[40..], (ushort)header.Vcpus);
        span[42] = (byte)header.AddressMode;
        span[43] = (byte)header.TimeUnit;
        BinaryPrimitives.WriteUInt16LittleEndian(span[44..], (ushort)name.Length);
        name.CopyTo(span[46..]);
        BinaryPrimitives.WriteUInt16LittleEndian(span[(46 + name.Length)..], (ushort)codec.Length);
        codec.CopyTo(span[(48 + name.Length)..]);
        stream.Write(bytes);
    }
}
