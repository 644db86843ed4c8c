namespace MemFw.Cli;

/// <summary>Where a command writes: results to <see cref="Out"/>, errors and progress to <see cref="Error"/>.</summary>
/// <param name="Out">Results (tables, JSON): what scripts read.</param>
/// <param name="Error">Errors, warnings and progress.</param>
/// <param name="IsTerminal">Whether a person watches stderr on a terminal, so a progress bar makes sense.</param>
internal sealed record CliConsole(TextWriter Out, TextWriter Error, bool IsTerminal)
{
    /// <summary>The process's own console.</summary>
    public static CliConsole FromSystem() =>
        new(Console.Out, Console.Error, !Console.IsErrorRedirected && !Console.IsOutputRedirected);
}
