namespace MemFw.Framework.Content.Images;

/// <summary>One page read back from a VM image.</summary>
/// <param name="Gfn">The guest frame number.</param>
/// <param name="Kind">How the image stored it.</param>
/// <param name="Hash">Its XXH3-64 (<see cref="MemFw.Traces.Format.PageHash"/>).</param>
/// <param name="Content">
/// Its 4096 bytes, or <see langword="null"/> for a zero page and a hash-only page. Pages stored by reference share the
/// array of the page they refer to: do not change it.
/// </param>
public sealed record VmImagePage(ulong Gfn, VmImagePageKind Kind, ulong Hash, byte[]? Content)
{
    /// <summary>Whether the page is all zero bytes.</summary>
    public bool IsZero => Kind == VmImagePageKind.Zero;
}
