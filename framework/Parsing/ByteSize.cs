using System.Globalization;

namespace MemFw.Framework.Parsing;

/// <summary>Parses sizes typed by a user: a byte count with an optional K, M, G or T suffix (powers of 1024).</summary>
public static class ByteSize
{
    /// <summary>The accepted forms, for messages.</summary>
    public const string Expected = "a size such as 4096, 64K, 128M or 2G";

    /// <summary>
    /// Parses <paramref name="text"/> (<c>128M</c>, <c>4096</c>, <c>2GiB</c>) for <paramref name="option"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The text is not a size.</exception>
    public static long Parse(string text, string option) =>
        TryParse(text, out var bytes)
            ? bytes
            : throw new ArgumentException($"{option}: expected {Expected}, found '{text}'", nameof(text));

    /// <summary>
    /// Parses <paramref name="text"/>: digits, then optionally K, M, G or T (times 1024, 1024², ...) and optionally
    /// <c>B</c> or <c>iB</c>, case-insensitive; surrounding spaces are ignored.
    /// </summary>
    /// <returns>Whether the text is a size that fits a <see cref="long"/>.</returns>
    public static bool TryParse(string text, out long bytes)
    {
        ArgumentNullException.ThrowIfNull(text);
        bytes = 0;
        var trimmed = text.Trim();
        var end = trimmed.Length;
        if (trimmed.EndsWith("iB", StringComparison.OrdinalIgnoreCase))
        {
            end -= 2;
        }
        else if (trimmed.EndsWith('B') || trimmed.EndsWith('b'))
        {
            end -= 1;
        }

        var shift = end > 0 ? char.ToUpperInvariant(trimmed[end - 1]) switch
        {
            'K' => 10,
            'M' => 20,
            'G' => 30,
            'T' => 40,
            _ => 0,
        } : 0;
        var digits = shift > 0 ? trimmed[..(end - 1)] : trimmed[..end];
        if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            || value > (long.MaxValue >> shift))
        {
            return false;
        }

        bytes = value << shift;
        return true;
    }

    /// <summary>A size for people: <c>128 MiB</c> when it is a whole number of a unit, else bytes.</summary>
    public static string Format(long bytes)
    {
        string[] units = ["TiB", "GiB", "MiB", "KiB"];
        for (var i = 0; i < units.Length; i++)
        {
            var shift = 40 - (10 * i);
            if (bytes != 0 && bytes % (1L << shift) == 0)
            {
                return string.Create(CultureInfo.InvariantCulture, $"{bytes >> shift} {units[i]}");
            }
        }

        return string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes");
    }
}
