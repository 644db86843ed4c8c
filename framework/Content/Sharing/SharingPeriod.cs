namespace MemFw.Framework.Content.Sharing;

/// <summary>Where sharing stands after one scan period of a <see cref="SharingSimulation"/>.</summary>
/// <param name="Number">The period, from 1.</param>
/// <param name="Elapsed">Scan time so far: <paramref name="Number"/> times the scanner's period.</param>
/// <param name="Space">The space's counters (pages saved, frames in use).</param>
/// <param name="Scanner">The scanner's counters.</param>
public readonly record struct SharingPeriod(
    int Number, TimeSpan Elapsed, SharingCounters Space, ScannerCounters Scanner);
