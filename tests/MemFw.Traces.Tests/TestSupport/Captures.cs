using System.Globalization;

namespace MemFw.Traces.Tests.TestSupport;

/// <summary>
/// Simple parsers of the capture formats, written from the format descriptions alone and sharing no code with the
/// importers, so the tests derive every expected value independently of the code under test.
/// </summary>
public static class Captures
{
    /// <summary>Size of a QEMU record in bytes.</summary>
    public const int QemuRecordSize = 16;

    /// <summary>Size of a guest page in bytes.</summary>
    public const int PageSize = 4096;

    /// <summary>
    /// Decodes QEMU records: a little-endian u64 gva, then a u64 holding <c>(gpa &lt;&lt; 8) | (is_store &lt;&lt; 7) |
    /// (is_io &lt;&lt; 6) | log2(size)</c>. Time is the record's ordinal; there is one vCPU.
    /// </summary>
    public static List<Access> ParseQemu(byte[] bytes, ushort vm = 0)
    {
        if (bytes.Length % QemuRecordSize != 0)
        {
            throw new InvalidDataException("not a whole number of records");
        }

        var accesses = new List<Access>(bytes.Length / QemuRecordSize);
        for (var record = 0; record * QemuRecordSize < bytes.Length; record++)
        {
            var at = record * QemuRecordSize;
            var gva = LittleEndian(bytes, at);
            var word = LittleEndian(bytes, at + 8);
            var isStore = (word >> 7) % 2 == 1;
            var isIo = (word >> 6) % 2 == 1;
            var log2Size = (int)(word % 4);
            accesses.Add(new Access(record, vm, 0, gva, word >> 8, isStore ? Access.Write : Access.Read,
                (byte)(1 << log2Size), isIo));
        }

        return accesses;
    }

    /// <summary>
    /// Parses lackey output: <c>I  addr,size</c> is a fetch, <c> L</c> a load, <c> S</c> a store, <c> M</c> a load then
    /// a store; valgrind's <c>==pid==</c> lines are skipped. The one address is both gva and gpa.
    /// </summary>
    public static List<Access> ParseLackey(IEnumerable<string> lines, ushort vm = 0)
    {
        var accesses = new List<Access>();
        foreach (var line in lines)
        {
            if (line.StartsWith("==", StringComparison.Ordinal) || line.Trim().Length == 0)
            {
                continue;
            }

            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var fields = parts[1].Split(',');
            var address = ulong.Parse(fields[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            var size = byte.Parse(fields[1], CultureInfo.InvariantCulture);
            var kinds = parts[0] switch
            {
                "I" => new[] { Access.Fetch },
                "L" => [Access.Read],
                "S" => [Access.Write],
                "M" => [Access.Read, Access.Write],
                _ => throw new InvalidDataException($"unexpected lackey line '{line}'"),
            };
            foreach (var kind in kinds)
            {
                accesses.Add(new Access(accesses.Count, vm, 0, address, address, kind, size, false));
            }
        }

        return accesses;
    }

    /// <summary>Parses vmsim text <c>&lt;hex address&gt; &lt;R|W&gt;</c>, skipping <c>#</c> comments; size is unknown (0).</summary>
    public static List<Access> ParseVmsim(IEnumerable<string> lines, ushort vm = 0)
    {
        var accesses = new List<Access>();
        foreach (var line in lines)
        {
            if (line.StartsWith('#') || line.Trim().Length == 0)
            {
                continue;
            }

            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var address = ulong.Parse(parts[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            var kind = parts[1] switch
            {
                "R" => Access.Read,
                "W" => Access.Write,
                _ => throw new InvalidDataException($"unexpected vmsim line '{line}'"),
            };
            accesses.Add(new Access(accesses.Count, vm, 0, address, address, kind, 0, false));
        }

        return accesses;
    }

    /// <summary>Splits a RAM image into its 4 KiB pages; page i is guest frame i.</summary>
    public static List<byte[]> Pages(byte[] image)
    {
        if (image.Length % PageSize != 0)
        {
            throw new InvalidDataException("not a whole number of pages");
        }

        return [.. image.Chunk(PageSize)];
    }

    /// <summary>Whether every byte of <paramref name="page"/> is zero.</summary>
    public static bool IsZero(byte[] page) => page.All(b => b == 0);

    private static ulong LittleEndian(byte[] bytes, int at)
    {
        ulong value = 0;
        for (var i = 7; i >= 0; i--)
        {
            value = (value << 8) | bytes[at + i];
        }

        return value;
    }
}
