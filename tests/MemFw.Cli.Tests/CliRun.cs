namespace MemFw.Cli.Tests;

/// <summary>What one in-process run of <c>memfw</c> did.</summary>
internal sealed record CliResult(int ExitCode, string Out, string Error)
{
    /// <summary>The non-empty lines written to stderr.</summary>
    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The non-empty lines written to stdout.</summary>
    public string[] OutLines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <inheritdoc/>
    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Out}\nstderr:\n{Error}";
}

/// <summary>Runs <c>memfw</c> in-process through <see cref="MemFwApp.Run"/> with string writers as its console.</summary>
internal static class CliRun
{
    /// <summary>Runs <c>memfw</c> with <paramref name="args"/>.</summary>
    public static CliResult Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = MemFwApp.Run(args, new CliConsole(output, error, IsTerminal: false));
        return new CliResult(code, output.ToString(), error.ToString());
    }

    /// <summary>Runs <c>memfw</c> and asserts that it succeeded with nothing on stderr.</summary>
    public static CliResult Succeeds(params string[] args)
    {
        var result = Run(args);
        Assert.True(result.ExitCode == 0 && result.Error.Length == 0, result.ToString());
        return result;
    }

    /// <summary>
    /// Runs <c>memfw</c> and asserts that it failed on bad input: exit code 1 and exactly one line on stderr, starting
    /// with <c>memfw: error: </c>; returns that line.
    /// </summary>
    public static string FailsWithOneLine(params string[] args)
    {
        var result = Run(args);
        Assert.True(result.ExitCode == 1, result.ToString());
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("memfw: error: ", line, StringComparison.Ordinal);
        Assert.Equal(line + Environment.NewLine, result.Error);
        return line;
    }

    /// <summary>
    /// Runs <c>memfw</c> with environment variables set for the run only. Runs that set variables are serialized;
    /// keep the values harmless to tests running at the same time.
    /// </summary>
    public static CliResult RunWithEnvironment((string Name, string Value) variable, params string[] args)
    {
        lock (s_environment)
        {
            var before = Environment.GetEnvironmentVariable(variable.Name);
            Environment.SetEnvironmentVariable(variable.Name, variable.Value);
            try
            {
                return Run(args);
            }
            finally
            {
                Environment.SetEnvironmentVariable(variable.Name, before);
            }
        }
    }

    private static readonly object s_environment = new();
}
