namespace MemFw.Framework.Content.Sharing;

/// <summary>The host-wide switches of a <see cref="SharingSpace"/>.</summary>
public sealed record SharingSettings
{
    /// <summary>
    /// The zero-page hack: every all-zero guest page is mapped to one machine frame as soon as a snapshot shows it,
    /// with no scanning. Default off.
    /// </summary>
    /// <remarks>
    /// As KSM's <c>use_zero_pages</c> (default 0) maps empty pages to the kernel's zero page, and as hypervisors
    /// back untouched or zeroed guest memory with one zero page. The zero frame is one for the whole host, salted
    /// or not. With it off, zero pages are merged by the scanners like any other content.
    /// </remarks>
    public bool ZeroPageSharing { get; init; }

    /// <summary>Salting: merge pages only within a VM (each VM is its own salt). Default off.</summary>
    /// <remarks>
    /// ESX's <c>Mem.ShareForceSalting</c> = 2 (the default since 5.5 P03, 5.1 U3 and 6.0) shares pages only when salt
    /// and content are equal, and the salt defaults to the VM's UUID: inter-VM sharing is off. Here the salt is the
    /// VM id.
    /// </remarks>
    public bool Salting { get; init; }
}
