namespace MemFw.Framework.Content.Sharing;

/// <summary>
/// Listens to the merges of a <see cref="SharingSpace"/>: a multi-VM host moves machine frames as scanners merge
/// pages (the merged page's own frame is freed; the frame it joins becomes one all its sharers use).
/// </summary>
/// <remarks>Called from inside <see cref="SharingSpace.TryMerge"/>; must not change the space.</remarks>
public interface ISharingObserver
{
    /// <summary><paramref name="page"/> left <paramref name="fromFrame"/> and now maps <paramref name="toFrame"/>.</summary>
    void Merged(int page, int fromFrame, int toFrame);
}
