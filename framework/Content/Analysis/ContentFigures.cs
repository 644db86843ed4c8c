namespace MemFw.Framework.Content.Analysis;

/// <summary>
/// What full-page sharing, the zero-page hack and patching make of the pages of one VM, or of the whole host, at one
/// snapshot time. Counts are 4 KiB pages or frames.
/// </summary>
/// <remarks>
/// The page counts add up: <see cref="Pages"/> = <see cref="ZeroPages"/> + <see cref="SharedWithinVm"/> +
/// <see cref="SharedAcrossVms"/> + <see cref="Frames"/>, for each VM and for the host. The patch figures are
/// <see langword="null"/> where the snapshot lacks the bytes of some non-zero page (hash-only traces).
/// </remarks>
public sealed record ContentFigures
{
    /// <summary>The VM's name, or <see langword="null"/> for the whole host.</summary>
    public string? Vm { get; init; }

    /// <summary>Guest pages in the snapshot.</summary>
    public long Pages { get; init; }

    /// <summary>All-zero pages: with the zero-page hack they take no frame.</summary>
    public long ZeroPages { get; init; }

    /// <summary>
    /// Non-zero pages whose content another page of the same VM holds: the VM's non-zero pages minus its distinct
    /// non-zero contents.
    /// </summary>
    public long SharedWithinVm { get; init; }

    /// <summary>
    /// Distinct contents of the VM that a VM of lower id also holds, so that sharing across VMs saves their frames
    /// too: summed over VMs, the VMs' distinct contents minus the host's.
    /// </summary>
    public long SharedAcrossVms { get; init; }

    /// <summary>Machine frames needed with full-page sharing and the zero-page hack: the distinct non-zero contents
    /// (a content several VMs hold counts for the VM of lowest id).</summary>
    public long Frames { get; init; }

    /// <summary>Frames stored as patches against similar frames instead (only frames of one page), or null.</summary>
    public long? PatchedPages { get; init; }

    /// <summary>The bytes of those patches, or null.</summary>
    public long? PatchBytes { get; init; }

    /// <summary>Mean patch size in bytes (0 with no patch), or null.</summary>
    public double? MeanPatchBytes { get; init; }

    /// <summary>Median patch size in bytes (0 with no patch), or null.</summary>
    public double? MedianPatchBytes { get; init; }

    /// <summary>
    /// Frames needed with sharing, the zero-page hack and patching: <see cref="Frames"/> minus the patched frames,
    /// plus their patches packed into whole frames (bytes / 4096 rounded up), or null.
    /// </summary>
    public long? FramesWithPatching { get; init; }

    /// <summary>
    /// The compression ratio (bytes in per byte out) of each codec of <see cref="ContentAnalysisOptions.Codecs"/>,
    /// by its name, in the order given: measured on the distinct non-zero contents (one copy of each, what sharing
    /// leaves; for a VM its own distinct contents, for the host its frames). A ratio is null where some non-zero page
    /// lacks its bytes (hash-only traces) or there is no non-zero page.
    /// </summary>
    public IReadOnlyDictionary<string, double?> CompressionRatios { get; init; } = new Dictionary<string, double?>();

    /// <summary>The fraction of <see cref="Pages"/> saved: 1 - frames needed / pages, with patching where it was
    /// computed and without it elsewhere.</summary>
    public double Saving => Pages == 0 ? 0 : 1 - (double)(FramesWithPatching ?? Frames) / Pages;
}
