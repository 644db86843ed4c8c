namespace MemFw.Generators.Model;

/// <summary>A place in a source file as plain values, so a diagnostic is cached without a syntax tree.</summary>
/// <param name="FilePath">The path of the file.</param>
/// <param name="Start">The offset of the first character.</param>
/// <param name="Length">The number of characters.</param>
/// <param name="StartLine">The zero-based line of the first character.</param>
/// <param name="StartCharacter">The zero-based column of the first character.</param>
/// <param name="EndLine">The zero-based line just past the span.</param>
/// <param name="EndCharacter">The zero-based column just past the span.</param>
internal sealed record LocationInfo(
    string FilePath,
    int Start,
    int Length,
    int StartLine,
    int StartCharacter,
    int EndLine,
    int EndCharacter);
