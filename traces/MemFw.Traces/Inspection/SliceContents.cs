namespace MemFw.Traces.Inspection;

/// <summary>Command-line names of the <see cref="SliceContent"/> choices.</summary>
public static class SliceContents
{
    /// <summary>Every choice with its command-line name.</summary>
    public static IReadOnlyList<(SliceContent Content, string Name)> All { get; } =
    [
        (SliceContent.Touched, "touched"),
        (SliceContent.All, "all"),
        (SliceContent.None, "none"),
    ];

    /// <summary>The command-line name of <paramref name="content"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="content"/> is not a defined choice.</exception>
    public static string Name(SliceContent content)
    {
        foreach (var (value, name) in All)
        {
            if (value == content)
            {
                return name;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(content), content, "not a slice content choice");
    }

    /// <summary>Parses the value of <paramref name="option"/>, a command-line name.</summary>
    /// <exception cref="ArgumentException"><paramref name="text"/> is not a known name.</exception>
    public static SliceContent Parse(string text, string option)
    {
        foreach (var (value, name) in All)
        {
            if (name == text)
            {
                return value;
            }
        }

        throw new ArgumentException(
            $"{option}: expected {string.Join(", ", All.Select(c => c.Name))}, found '{text}'", nameof(text));
    }
}
