namespace MemFw.Plugins.Replacement;

/// <summary>Options of <see cref="WsClockPolicy"/>.</summary>
public sealed record WsClockOptions
{
    /// <summary>Default <see cref="Tau"/>: 2,000,000 accesses.</summary>
    /// <remarks>
    /// Four default tick periods (about 40 ms of the bundled QEMU guest): the time of last use is only known to a
    /// tick or a scan, so the window must span several ticks for "older than tau" to mean more than "missed one
    /// tick"; Tanenbaum's example likewise takes tau as several clock ticks. When every resident page is inside the
    /// window (memory smaller than the working set), each fault costs the hand a full turn, O(frames).
    /// </remarks>
    public const long DefaultTau = 2_000_000;

    /// <summary>
    /// The working-set window tau, in accesses of virtual time: a page unused for longer is outside the working set.
    /// Default 2,000,000 (four default ticks); at least 1.
    /// </summary>
    public long Tau
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1, "tau");
            field = value;
        }
    } = DefaultTau;
}
