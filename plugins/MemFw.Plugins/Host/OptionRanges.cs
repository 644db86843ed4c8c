namespace MemFw.Plugins.Host;

/// <summary>The range checks of the host policies' options; each names the option and rejects NaN.</summary>
internal static class OptionRanges
{
    /// <summary>Returns <paramref name="value"/> if it is a fraction from 0 to 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside [0, 1].</exception>
    public static double Fraction(double value, string option) =>
        value is >= 0 and <= 1
            ? value
            : throw new ArgumentOutOfRangeException(option, value, "expected a fraction from 0 to 1");

    /// <summary>Returns <paramref name="value"/> if it is from 0 to below 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside [0, 1).</exception>
    public static double BelowOne(double value, string option) =>
        value is >= 0 and < 1
            ? value
            : throw new ArgumentOutOfRangeException(option, value, "expected a value from 0 to below 1");

    /// <summary>Returns <paramref name="value"/> if it is a fraction above 0 and at most 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside (0, 1].</exception>
    public static double Weight(double value, string option) =>
        value is > 0 and <= 1
            ? value
            : throw new ArgumentOutOfRangeException(option, value, "expected a weight above 0 and at most 1");
}
