namespace MemFw.Cli.Plugins;

/// <summary>A plugin assembly could not be loaded or clashes with another; the message names the assembly and plugin.</summary>
internal sealed class PluginLoadException : Exception
{
    /// <summary>Creates the error.</summary>
    public PluginLoadException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the error with its cause.</summary>
    public PluginLoadException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
