using System.Globalization;

namespace MemFw.Framework.Parsing;

/// <summary>Parses durations typed by a user: a number of at least 0 and a unit, <c>ms</c>, <c>s</c>, <c>m</c> or <c>h</c>.</summary>
public static class Duration
{
    /// <summary>The accepted forms, for messages.</summary>
    public const string Expected = "a duration such as 500ms, 60s, 10m or 2h";

    /// <summary>Parses <paramref name="text"/> for <paramref name="option"/>.</summary>
    /// <exception cref="ArgumentException">The text is not a duration.</exception>
    public static TimeSpan Parse(string text, string option) =>
        TryParse(text, out var duration)
            ? duration
            : throw new ArgumentException($"{option}: expected {Expected}, found '{text}'", nameof(text));

    /// <summary>
    /// Parses <paramref name="text"/> (<c>1.5m</c>, <c>500ms</c>); surrounding spaces are ignored.
    /// </summary>
    /// <returns>Whether the text is a duration that fits a <see cref="TimeSpan"/>.</returns>
    public static bool TryParse(string text, out TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(text);
        duration = TimeSpan.Zero;
        var trimmed = text.Trim();
        var (unit, seconds) = trimmed.EndsWith("ms", StringComparison.Ordinal) ? ("ms", 0.001)
            : trimmed.EndsWith('s') ? ("s", 1.0)
            : trimmed.EndsWith('m') ? ("m", 60.0)
            : trimmed.EndsWith('h') ? ("h", 3600.0)
            : ("", 0.0);
        if (unit.Length == 0
            || !double.TryParse(trimmed[..^unit.Length], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture,
                out var number)
            || number * seconds * TimeSpan.TicksPerSecond >= long.MaxValue)
        {
            return false;
        }

        duration = TimeSpan.FromTicks((long)Math.Round(number * seconds * TimeSpan.TicksPerSecond));
        return true;
    }
}
