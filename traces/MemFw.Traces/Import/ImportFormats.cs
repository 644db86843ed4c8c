using MemFw.Traces.Format;

namespace MemFw.Traces.Import;

/// <summary>Names, descriptions and readers of the <see cref="ImportFormat"/>s.</summary>
public static class ImportFormats
{
    /// <summary>Every format with its command-line name.</summary>
    public static IReadOnlyList<(ImportFormat Format, string Name)> All { get; } =
    [
        (ImportFormat.Qemu, "qemu"),
        (ImportFormat.Lackey, "lackey"),
        (ImportFormat.Vmsim, "vmsim"),
        (ImportFormat.RawRam, "raw-ram"),
    ];

    /// <summary>The command-line name of <paramref name="format"/>.</summary>
    public static string Name(ImportFormat format) => All.First(f => f.Format == format).Name;

    /// <summary>Parses a command-line format name.</summary>
    /// <exception cref="ArgumentException">The name is not a known format.</exception>
    public static ImportFormat Parse(string name) =>
        All.FirstOrDefault(f => f.Name == name).Name is not null
            ? All.First(f => f.Name == name).Format
            : throw new ArgumentException(
                $"unknown import format '{name}': expected one of {string.Join(", ", All.Select(f => f.Name))}",
                nameof(name));

    /// <summary>How a capture of <paramref name="format"/> was made, for the trace metadata.</summary>
    public static string Capture(ImportFormat format) => format switch
    {
        ImportFormat.Qemu => "QEMU TCG memory-access plugin: 16-byte records (guest-virtual address; " +
            "guest-physical address, store, I/O and log2 size packed), one vCPU, no clock",
        ImportFormat.Lackey => "valgrind --tool=lackey --trace-mem=yes: a process's virtual addresses, no clock",
        ImportFormat.Vmsim => "page-replacement simulator text '<hex address> <R|W>': addresses only, no clock",
        _ => "raw image of guest-physical memory from address 0 (QEMU pmemsave)",
    };

    /// <summary>How addresses of <paramref name="format"/> map to the trace's two address columns.</summary>
    internal static AddressMode AddressMode(ImportFormat format) =>
        format == ImportFormat.Qemu ? Format.AddressMode.Translated : Format.AddressMode.Identity;

    /// <summary>Opens an access capture of <paramref name="format"/> as VM <paramref name="vm"/>.</summary>
    internal static IAccessSource OpenAccesses(ImportFormat format, string path, ushort vm) => format switch
    {
        ImportFormat.Qemu => new QemuAccessSource(path, vm),
        ImportFormat.Lackey => new LackeyAccessSource(path, vm),
        ImportFormat.Vmsim => new VmsimAccessSource(path, vm),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "not an access format"),
    };
}
