using System.Buffers.Text;
using System.Globalization;

namespace MemFw.Traces.Import;

/// <summary>Parses the numbers of text captures from UTF-8 bytes, without allocating.</summary>
internal static class TextField
{
    /// <summary>Parses a hexadecimal address, with or without a <c>0x</c> prefix.</summary>
    public static bool TryParseHex(ReadOnlySpan<byte> text, out ulong value)
    {
        if (text.Length > 2 && text[0] == (byte)'0' && (text[1] | 0x20) == (byte)'x')
        {
            text = text[2..];
        }

        value = 0;
        if (text.IsEmpty || text.Length > 16)
        {
            return false;
        }

        foreach (var c in text)
        {
            int digit = c switch
            {
                >= (byte)'0' and <= (byte)'9' => c - '0',
                >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
                >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
                _ => -1,
            };
            if (digit < 0)
            {
                return false;
            }

            value = (value << 4) | (uint)digit;
        }

        return true;
    }

    /// <summary>Parses a decimal number that fills <paramref name="text"/> exactly.</summary>
    public static bool TryParseDecimal(ReadOnlySpan<byte> text, out uint value) =>
        Utf8Parser.TryParse(text, out value, out var consumed) && consumed == text.Length;

    /// <summary>The line as text for an error message, shortened.</summary>
    public static string Show(ReadOnlySpan<byte> line)
    {
        var text = System.Text.Encoding.UTF8.GetString(line.Length > 60 ? line[..60] : line);
        return string.Create(CultureInfo.InvariantCulture, $"'{text}{(line.Length > 60 ? "..." : "")}'");
    }
}
