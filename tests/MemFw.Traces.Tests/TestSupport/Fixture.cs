namespace MemFw.Traces.Tests.TestSupport;

/// <summary>The committed real captures of Fixtures/ (README.md there says where each came from).</summary>
public static class Fixture
{
    /// <summary>The first 2000 16-byte records of a real QEMU TCG capture of a Linux guest.</summary>
    public const string Qemu = "linux-guest-1s.first2000.qemu";

    /// <summary><see cref="Qemu"/> compressed with the zstd command.</summary>
    public const string QemuZst = "linux-guest-1s.first2000.qemu.zst";

    /// <summary><see cref="Qemu"/> compressed with the gzip command.</summary>
    public const string QemuGz = "linux-guest-1s.first2000.qemu.gz";

    /// <summary>Records 26000-27999 of the same capture: two of them are I/O (MMIO) accesses.</summary>
    public const string QemuIoWindow = "linux-guest-1s.io-window.qemu";

    /// <summary>valgrind lackey output of /bin/true: header, the first 3000 access lines, footer.</summary>
    public const string Lackey = "lackey-true.log";

    /// <summary>The data accesses of <see cref="Lackey"/> in vmsim form.</summary>
    public const string Vmsim = "lackey-true.vmsim";

    /// <summary>The first 64 pages (256 KiB) of a real guest RAM image.</summary>
    public const string RamFirst64 = "vmA-t00.first64.raw";

    /// <summary>Pages 128-191 of the same image, zstd-compressed: zero pages and duplicate pages.</summary>
    public const string RamDuplicatesZst = "vmA-t00.pages128-191.raw.zst";

    /// <summary>The full path of fixture <paramref name="name"/> in the test output folder.</summary>
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    /// <summary>The bytes of fixture <paramref name="name"/>.</summary>
    public static byte[] Bytes(string name) => File.ReadAllBytes(Path(name));

    /// <summary>The lines of text fixture <paramref name="name"/>.</summary>
    public static string[] Lines(string name) => File.ReadAllLines(Path(name));
}
