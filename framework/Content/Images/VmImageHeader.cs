using MemFw.Traces.Format;

namespace MemFw.Framework.Content.Images;

/// <summary>The header of a VM memory image: which VM, how it was configured, when, and how its pages are stored.</summary>
/// <remarks>The byte layout is in <c>docs/images.md</c>.</remarks>
/// <param name="FormatVersion">The image format version (<see cref="VmImage.FormatVersion"/>).</param>
/// <param name="VmName">The VM's name in the trace it was saved from.</param>
/// <param name="RamBytes">Installed guest RAM in bytes; 0 when the trace did not say.</param>
/// <param name="PageSize">The page size in bytes (4096).</param>
/// <param name="Vcpus">The VM's number of virtual CPUs.</param>
/// <param name="AddressMode">How the VM's guest-virtual and guest-physical addresses relate.</param>
/// <param name="SnapshotTime">The snapshot time the image holds, in the source trace's unit.</param>
/// <param name="TimeUnit">The unit of <paramref name="SnapshotTime"/>.</param>
/// <param name="Codec">The codec spec the compressed pages were written with (<c>lz4</c>, <c>zstd:level=3</c>).</param>
/// <param name="HashImage">
/// Whether some page is stored by its hash only (the trace held no bytes for it): such an image restores to hashes,
/// not to memory.
/// </param>
/// <param name="PageCount">The number of page records.</param>
public sealed record VmImageHeader(
    int FormatVersion,
    string VmName,
    long RamBytes,
    int PageSize,
    int Vcpus,
    AddressMode AddressMode,
    long SnapshotTime,
    TimeUnit TimeUnit,
    string Codec,
    bool HashImage,
    long PageCount);
