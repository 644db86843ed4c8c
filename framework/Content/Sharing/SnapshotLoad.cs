namespace MemFw.Framework.Content.Sharing;

/// <summary>
/// What loading one snapshot did to a <see cref="SharingSpace"/>: its pages counted by <see cref="PageUpdate"/>.
/// </summary>
/// <param name="Added">Pages new to the space.</param>
/// <param name="Unchanged">Pages whose known content the snapshot confirms.</param>
/// <param name="Refreshed">Pages written since the last snapshot, whose content is known again.</param>
/// <param name="Changed">Pages of known content on their own frame that now hold other content.</param>
/// <param name="SharedChanged">Shared pages that now hold other content (a write the space was not told of).</param>
public readonly record struct SnapshotLoad(long Added, long Unchanged, long Refreshed, long Changed, long SharedChanged)
{
    /// <summary>Pages the snapshot held.</summary>
    public long Pages => Added + Unchanged + Refreshed + Changed + SharedChanged;

    /// <summary>This count with one more page of kind <paramref name="update"/>.</summary>
    public SnapshotLoad With(PageUpdate update) => update switch
    {
        PageUpdate.Added => this with { Added = Added + 1 },
        PageUpdate.Unchanged => this with { Unchanged = Unchanged + 1 },
        PageUpdate.Refreshed => this with { Refreshed = Refreshed + 1 },
        PageUpdate.Changed => this with { Changed = Changed + 1 },
        _ => this with { SharedChanged = SharedChanged + 1 },
    };
}
