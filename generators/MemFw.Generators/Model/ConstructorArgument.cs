namespace MemFw.Generators.Model;

/// <summary>What generated code passes for one parameter of the plugin's constructor.</summary>
internal enum ConstructorArgument
{
    /// <summary>The bound options record.</summary>
    Options,

    /// <summary>
    /// The kind's context: the replay's <c>ReplacementContext</c>, or the <c>HostPluginContext</c> a host plugin's
    /// factory is called with.
    /// </summary>
    Context,
}
