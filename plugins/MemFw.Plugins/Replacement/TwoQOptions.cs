namespace MemFw.Plugins.Replacement;

/// <summary>Options of <see cref="TwoQPolicy"/>.</summary>
public sealed record TwoQOptions
{
    /// <summary>
    /// Kin, the size of the A1in FIFO of pages seen once, as a fraction of the frames (rounded to the nearest frame,
    /// at least 1). Default 0.25 (the paper's tuning); range 0 to 1.
    /// </summary>
    public double Kin
    {
        get;
        init => field = Fraction(value, 1, "kin");
    } = 0.25;

    /// <summary>
    /// Kout, the size of the A1out ghost list of page ids evicted from A1in, as a fraction of the frames (rounded to
    /// the nearest whole entry). Default 0.5 (the paper's tuning); range 0 to 10.
    /// </summary>
    public double Kout
    {
        get;
        init => field = Fraction(value, 10, "kout");
    } = 0.5;

    private static double Fraction(double value, double max, string name) =>
        value is >= 0 && value <= max
            ? value
            : throw new ArgumentOutOfRangeException(name, value, $"expected a fraction of the frames from 0 to {max}");
}
