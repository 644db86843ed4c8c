namespace MemFw.Framework.Content.Migration;

/// <summary>One round of a live migration: the pages sent, their bytes on the wire and the time the link took.</summary>
/// <param name="Round">1 for the full copy, then each pre-copy round; the last is stop-and-copy.</param>
/// <param name="Pages">Pages sent.</param>
/// <param name="Bytes">Bytes on the wire.</param>
/// <param name="Seconds">Transfer time at the link's bandwidth.</param>
/// <param name="Dirtied">Pages the guest wrote while this round was sent (to send in the next).</param>
/// <param name="StopAndCopy">Whether the guest was paused for this round (its time is the downtime).</param>
public sealed record MigrationRound(int Round, long Pages, long Bytes, double Seconds, long Dirtied, bool StopAndCopy);
