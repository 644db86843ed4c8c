using System.Globalization;
using MemFw.Framework.Parsing;
using MemFw.Traces.Format;

namespace MemFw.Cli.Parsing;

/// <summary>Parses <c>--frames</c>: a number of 4 KiB machine frames, or a memory size with a unit (<c>64M</c>, <c>1GiB</c>).</summary>
internal static class FrameCount
{
    /// <summary>Parses one value.</summary>
    /// <exception cref="ArgumentException">The value is not a positive count or size.</exception>
    public static int Parse(string text, string option)
    {
        var trimmed = text.Trim();
        long frames;
        if (long.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            frames = count;
        }
        else
        {
            var bytes = ByteSize.Parse(trimmed, option);
            frames = bytes / TraceFormat.PageSize;
        }

        return frames is > 0 and <= int.MaxValue >> 1
            ? (int)frames
            : throw new ArgumentException(
                $"{option}: expected a positive number of frames or a size of at least 4K, found '{text}'",
                nameof(text));
    }

    /// <summary>Parses a comma-separated list.</summary>
    public static IReadOnlyList<int> ParseList(string text, string option) =>
        [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(t => Parse(t, option))];
}
