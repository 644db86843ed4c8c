namespace MemFw.Framework.Content.Sharing;

/// <summary>The result of a <see cref="SharingSimulation"/>: counters before, after each period, ideal.</summary>
/// <param name="Start">The space's counters before the first period.</param>
/// <param name="Ideal">What merging every duplicate would reach (<see cref="IdealSharing"/>).</param>
/// <param name="Periods">The counters after each period, in order.</param>
public sealed record SharingRun(SharingCounters Start, SharingCounters Ideal, IReadOnlyList<SharingPeriod> Periods);
