namespace MemFw.Framework.Content.Sharing;

/// <summary>
/// A content-based page-sharing scanner (a plugin kind, <see cref="Plugins.SharingScannerAttribute"/>): each scan
/// period it looks at some pages of a <see cref="SharingSpace"/> and merges those it finds equal.
/// </summary>
/// <remarks>
/// A scanner serves one space for its life (its per-page state is indexed by that space's page ids) and throws
/// <see cref="InvalidOperationException"/> when given another. Randomness comes from the seed of the
/// <see cref="Host.HostPluginContext"/> it is created with, so runs are reproducible. Scans happen between
/// accesses, never per access.
/// </remarks>
public interface ISharingScanner
{
    /// <summary>The wall-clock time one scan period stands for (the scanner's sleep between runs).</summary>
    TimeSpan Period { get; }

    /// <summary>The scanner's own counters (pages scanned, full scans, candidates).</summary>
    ScannerCounters Counters { get; }

    /// <summary>Runs one scan period over <paramref name="space"/>.</summary>
    /// <exception cref="InvalidOperationException">The scanner was used with another space before.</exception>
    void Scan(SharingSpace space);
}
