namespace MemFw.Framework.Content.Migration;

/// <summary>
/// What a pre-copy live migration of one VM would send, from its memory at a snapshot and the writes of its trace
/// after it, with zero pages, sharing (a content sent once) and compression applied. Computed by
/// <see cref="MigrationEstimator"/>.
/// </summary>
public sealed record MigrationEstimate
{
    /// <summary>The VM's name.</summary>
    public required string Vm { get; init; }

    /// <summary>The snapshot time the migration starts at.</summary>
    public long Time { get; init; }

    /// <summary>The codec pages are compressed with, or <c>none</c>.</summary>
    public required string Codec { get; init; }

    /// <summary>Guest pages in the snapshot.</summary>
    public long Pages { get; init; }

    /// <summary>Zero pages among them (sent as a frame number).</summary>
    public long ZeroPages { get; init; }

    /// <summary>Pages whose content an earlier page of the snapshot already has (sent as a reference).</summary>
    public long DuplicatePages { get; init; }

    /// <summary>Distinct non-zero contents the trace holds only the hash of: each is sent whole, once.</summary>
    public long PagesWithoutContent { get; init; }

    /// <summary>The snapshot's RAM as raw pages: what a migration with none of the techniques sends first.</summary>
    public long RawBytes => Pages * 4096;

    /// <summary>Each round, the full copy first and stop-and-copy last.</summary>
    public required IReadOnlyList<MigrationRound> Rounds { get; init; }

    /// <summary>Whether the trace's accesses ran out before pre-copy converged (the last round is then a guess).</summary>
    public bool TraceEnded { get; init; }

    /// <summary>Bytes on the wire in all.</summary>
    public long TotalBytes => Rounds.Sum(r => r.Bytes);

    /// <summary>Time from start to the guest running on the destination, seconds.</summary>
    public double TotalSeconds => Rounds.Sum(r => r.Seconds);

    /// <summary>The time the guest was paused: the stop-and-copy round, seconds.</summary>
    public double DowntimeSeconds => Rounds.Where(r => r.StopAndCopy).Sum(r => r.Seconds);
}
