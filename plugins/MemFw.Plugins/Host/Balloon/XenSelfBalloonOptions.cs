namespace MemFw.Plugins.Host.Balloon;

/// <summary>Options of <see cref="XenSelfBalloonStrategy"/>, named and defaulted as in xen-selfballoon.c.</summary>
public sealed record XenSelfBalloonOptions
{
    /// <summary>
    /// Down-hysteresis: a guest above its goal shrinks by the gap divided by this, per step. Default 8 (the driver's
    /// selfballoon_downhysteresis); at least 1.
    /// </summary>
    public int DownHysteresis
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1, "down-hysteresis");
            field = value;
        }
    } = 8;

    /// <summary>
    /// Up-hysteresis: a guest below its goal grows by the gap divided by this, per step. Default 1 (the driver's
    /// selfballoon_uphysteresis: the whole gap at once); at least 1.
    /// </summary>
    public int UpHysteresis
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1, "up-hysteresis");
            field = value;
        }
    } = 1;

    /// <summary>
    /// The guest kernel's reserved pages (totalreserve_pages), added to the goal and to the floor, in 4 KiB pages.
    /// Default 0 [U]: the trace does not record the guest kernel's reserve; at least 0.
    /// </summary>
    public long ReservePages
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value, "reserve-pages");
            field = value;
        }
    }
}
