using System.Globalization;

namespace MemFw.Cli.Parsing;

/// <summary>Parses sizes typed on the command line: a byte count with an optional K, M, G or T suffix (powers of 1024).</summary>
internal static class ByteSize
{
    /// <summary>Parses <paramref name="text"/> (for example <c>128M</c>, <c>4096</c>, <c>2GiB</c>) for <paramref name="option"/>.</summary>
    /// <exception cref="ArgumentException">The text is not a size.</exception>
    public static long Parse(string text, string option)
    {
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
            throw new ArgumentException(
                $"{option}: expected a size such as 4096, 64K, 128M or 2G, found '{text}'", nameof(text));
        }

        return value << shift;
    }
}
