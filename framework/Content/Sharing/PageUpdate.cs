namespace MemFw.Framework.Content.Sharing;

/// <summary>What a snapshot's content did to one page of a <see cref="SharingSpace"/>.</summary>
public enum PageUpdate
{
    /// <summary>The page was not in the space: it is added with its own frame (or the zero frame).</summary>
    Added,

    /// <summary>The page's known content is the snapshot's: nothing changes, a shared page stays shared.</summary>
    Unchanged,

    /// <summary>The page's content was unknown (written since the last snapshot) and is known again.</summary>
    Refreshed,

    /// <summary>A page with known content on its own frame now holds other content (a write nobody reported).</summary>
    Changed,

    /// <summary>
    /// A page on a shared frame now holds other content: a write nobody reported, so the share is broken now. With
    /// every write reported through <see cref="SharingSpace.Write"/> this never happens.
    /// </summary>
    SharedChanged,
}
