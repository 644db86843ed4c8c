namespace MemFw.Traces.Format;

/// <summary>
/// Bad input: a trace or capture that does not hold what its format promises. The message is one line naming the
/// file, where in it (line, byte offset or row) and what was expected, ready to show a user.
/// </summary>
public sealed class TraceInputException : Exception
{
    /// <summary>Creates the error for <paramref name="file"/> at <paramref name="location"/>.</summary>
    /// <param name="file">The file (or trace folder) at fault.</param>
    /// <param name="location">Where in it, such as <c>line 12</c>, <c>byte offset 4096</c> or <c>row 7</c>; may be empty.</param>
    /// <param name="problem">What was expected and what was found.</param>
    public TraceInputException(string file, string location, string problem)
        : base(string.IsNullOrEmpty(location) ? $"{file}: {problem}" : $"{file}: {location}: {problem}")
    {
        File = file;
        Location = location;
        Problem = problem;
    }

    /// <summary>Creates the error with an underlying cause, such as a decompressor's exception.</summary>
    public TraceInputException(string file, string location, string problem, Exception inner)
        : base(string.IsNullOrEmpty(location) ? $"{file}: {problem}" : $"{file}: {location}: {problem}", inner)
    {
        File = file;
        Location = location;
        Problem = problem;
    }

    /// <summary>The file (or trace folder) at fault.</summary>
    public string File { get; }

    /// <summary>Where in the file, such as <c>line 12</c> or <c>byte offset 4096</c>; may be empty.</summary>
    public string Location { get; }

    /// <summary>What was expected and what was found.</summary>
    public string Problem { get; }
}
