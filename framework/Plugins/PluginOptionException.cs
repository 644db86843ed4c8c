namespace MemFw.Framework.Plugins;

/// <summary>An option of a plugin was unknown or its value out of range; the message names the plugin and option.</summary>
public sealed class PluginOptionException : Exception
{
    /// <summary>Creates the error.</summary>
    public PluginOptionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the error with its cause (a parse failure).</summary>
    public PluginOptionException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Creates an error without a message.</summary>
    public PluginOptionException()
    {
    }
}
