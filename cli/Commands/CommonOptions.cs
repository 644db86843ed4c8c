using System.CommandLine;
using MemFw.Cli.Plugins;

namespace MemFw.Cli.Commands;

/// <summary>Options several commands share, so each is spelled and documented once.</summary>
internal static class CommonOptions
{
    /// <summary><c>--quiet</c>: no progress bar.</summary>
    public static Option<bool> Quiet() => new("--quiet", "-q") { Description = "Show no progress bar" };

    /// <summary><c>--json</c>: machine-readable output.</summary>
    public static Option<bool> Json() => new("--json") { Description = "Print JSON (snake_case keys) for scripts" };

    /// <summary><c>--force</c>: replace an existing output.</summary>
    public static Option<bool> Force() => new("--force") { Description = "Replace the output if it exists" };

    /// <summary><c>--output</c>: the trace folder to write.</summary>
    public static Option<string> Output() => new("--output", "-o")
    {
        Description = "The trace folder to write (written to a temporary folder, moved into place when complete)",
        Required = true,
    };

    /// <summary><c>--plugins</c>: folders of third-party plugins.</summary>
    public static Option<string[]> Plugins() => new("--plugins")
    {
        Description = $"Load third-party plugins from this folder (repeatable; also ${PluginCatalog.EnvironmentVariable})",
    };

    /// <summary>The <c>TRACE</c> argument: a trace folder to read.</summary>
    public static Argument<string> Trace() => new("TRACE") { Description = "A trace folder" };
}
