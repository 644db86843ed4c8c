namespace MemFw.Plugins.Host.Balloon;

/// <summary>Options of <see cref="MomBalloonStrategy"/>; names and defaults are those of MOM's balloon rules.</summary>
/// <remarks>
/// oVirt MOM, doc/balloon.rules. MOM calls these "percent" but holds fractions (0.20 is 20%); so do we. The rules
/// expect <see cref="PressureCritical"/> below <see cref="PressureThreshold"/>; other orders are accepted and simply
/// followed.
/// </remarks>
public sealed record MomBalloonOptions
{
    /// <summary>
    /// Host free fraction below which the host is under pressure and every guest shrinks; at or above it, guests
    /// grow. Default 0.20 (MOM pressure_threshold); range 0 to 1.
    /// </summary>
    public double PressureThreshold
    {
        get;
        init => field = OptionRanges.Fraction(value, "pressure-threshold");
    } = 0.20;

    /// <summary>
    /// Host free fraction at or below which pressure is critical: the guest's desired free memory turns negative
    /// (host free - this) to force it to swap. Default 0.05 (MOM pressure_critical); range 0 to 1.
    /// </summary>
    public double PressureCritical
    {
        get;
        init => field = OptionRanges.Fraction(value, "pressure-critical");
    } = 0.05;

    /// <summary>
    /// The free fraction of its current memory an unconstrained guest keeps; scaled down with host free memory when
    /// shrinking. Default 0.20 (MOM min_guest_free_percent); range 0 to 1.
    /// </summary>
    public double MinGuestFreePercent
    {
        get;
        init => field = OptionRanges.Fraction(value, "min-guest-free-percent");
    } = 0.20;

    /// <summary>
    /// The largest change of a guest's memory in one step, as a fraction of its current memory. Default 0.05 (MOM
    /// max_balloon_change_percent); range 0 to 1.
    /// </summary>
    public double MaxBalloonChangePercent
    {
        get;
        init => field = OptionRanges.Fraction(value, "max-balloon-change-percent");
    } = 0.05;

    /// <summary>
    /// Changes no larger than this fraction of the guest's current memory are not made (they cost more than they
    /// bring). Default 0.0025 (MOM min_balloon_change_percent); range 0 to 1.
    /// </summary>
    public double MinBalloonChangePercent
    {
        get;
        init => field = OptionRanges.Fraction(value, "min-balloon-change-percent");
    } = 0.0025;
}
