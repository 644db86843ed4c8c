using System.Runtime.InteropServices;
using MemFw.Framework.Replay;
using Microsoft.Win32.SafeHandles;

namespace MemFw.Framework.Replacement;

/// <summary>
/// For each access of a <see cref="ReplayForm"/>, the position of the next access to the same page, computed by one
/// backward pass with one slot per distinct page; kept in a temporary file (8 bytes per access) for file-backed forms,
/// so memory still grows with distinct pages only.
/// </summary>
public sealed class NextUseFile : IDisposable
{
    private readonly string? _path;
    private readonly long[]? _memory;

    private NextUseFile(string? path, long[]? memory)
    {
        _path = path;
        _memory = memory;
    }

    /// <summary>Computes the next uses of <paramref name="form"/>, in <paramref name="directory"/> or in memory if null.</summary>
    internal static NextUseFile Build(ReplayForm form, string? directory)
    {
        var last = new long[form.PageCount];
        Array.Fill(last, NextUseReader.Never);
        var entries = ReadAll(form, directory is null);
        if (directory is null)
        {
            var next = new long[form.AccessCount];
            for (var i = entries.Length - 1; i >= 0; i--)
            {
                var page = (int)(entries[i] >> 1);
                next[i] = last[page];
                last[page] = i;
            }

            return new NextUseFile(null, next);
        }

        var path = Path.Combine(directory, $"next-use-{Guid.NewGuid():N}.bin");
        BuildFile(form, path, last);
        return new NextUseFile(path, null);
    }

    /// <summary>Opens a sequential reader of the next uses, in replay order.</summary>
    public NextUseReader OpenReader() => _memory is not null ? new NextUseReader(_memory) : new NextUseReader(_path!);

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_path is not null)
        {
            File.Delete(_path);
        }
    }

    private static uint[] ReadAll(ReplayForm form, bool inMemory)
    {
        if (!inMemory)
        {
            return [];
        }

        var all = new uint[form.AccessCount];
        using var reader = form.OpenReader();
        var at = 0;
        for (var block = reader.ReadBlock(); !block.IsEmpty; block = reader.ReadBlock())
        {
            block.CopyTo(all.AsSpan(at));
            at += block.Length;
        }

        return all;
    }

    private static void BuildFile(ReplayForm form, string path, long[] last)
    {
        var formPath = form.FilePath!;
        using var input = File.OpenHandle(formPath, FileMode.Open, FileAccess.Read);
        using var output = File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write, FileShare.None,
            FileOptions.None, form.AccessCount * sizeof(long));
        var entries = new uint[ReplayForm.BlockEntries];
        var next = new long[ReplayForm.BlockEntries];
        for (var end = form.AccessCount; end > 0;)
        {
            var start = Math.Max(0, end - entries.Length);
            var n = (int)(end - start);
            ReadExactly(input, MemoryMarshal.AsBytes(entries.AsSpan(0, n)), start * sizeof(uint));
            for (var i = n - 1; i >= 0; i--)
            {
                var page = (int)(entries[i] >> 1);
                next[i] = last[page];
                last[page] = start + i;
            }

            RandomAccess.Write(output, MemoryMarshal.AsBytes(next.AsSpan(0, n)), start * sizeof(long));
            end = start;
        }
    }

    private static void ReadExactly(SafeFileHandle file, Span<byte> buffer, long offset)
    {
        while (!buffer.IsEmpty)
        {
            var n = RandomAccess.Read(file, buffer, offset);
            if (n == 0)
            {
                throw new EndOfStreamException($"replay form ended at byte {offset}");
            }

            buffer = buffer[n..];
            offset += n;
        }
    }
}
