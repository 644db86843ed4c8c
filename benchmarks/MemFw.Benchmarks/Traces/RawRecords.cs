using System.Buffers.Binary;
using MemFw.Traces.Format;

namespace MemFw.Benchmarks.Traces;

/// <summary>The baseline every trace benchmark is a ratio against: the same accesses as raw 16-byte QEMU records.</summary>
internal static class RawRecords
{
    /// <summary>Writes the accesses of <paramref name="trace"/> as 16-byte records to <paramref name="path"/>.</summary>
    public static long Write(Trace trace, string path)
    {
        using var output = File.Create(path);
        using var reader = trace.OpenAccesses(AccessColumns.All);
        var batch = new AccessBatch();
        var record = new byte[16];
        while (reader.Read(batch) > 0)
        {
            for (var i = 0; i < batch.Count; i++)
            {
                var log2 = batch.Size[i] switch { 2 => 1UL, 4 => 2UL, 8 => 3UL, _ => 0UL };
                var packed = (batch.Gpa[i] << 8) | (batch.Kind[i] == AccessKind.Write ? 0x80UL : 0)
                    | (batch.Io[i] ? 0x40UL : 0) | log2;
                BinaryPrimitives.WriteUInt64LittleEndian(record, batch.Gva[i]);
                BinaryPrimitives.WriteUInt64LittleEndian(record.AsSpan(8), packed);
                output.Write(record);
            }
        }

        return reader.RowsRead;
    }

    /// <summary>Reads the records of <paramref name="path"/> and folds their page numbers, as a reader would decode them.</summary>
    public static ulong Read(string path)
    {
        using var input = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var buffer = new byte[1 << 20];
        var sum = 0UL;
        int n;
        while ((n = input.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false)) > 0)
        {
            for (var i = 0; i + 16 <= n; i += 16)
            {
                sum += BinaryPrimitives.ReadUInt64LittleEndian(buffer.AsSpan(i + 8)) >> 20;
            }
        }

        return sum;
    }
}
