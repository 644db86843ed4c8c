namespace MemFw.Generators.Model;

/// <summary>What the generated runner passes for one parameter of the plugin's constructor.</summary>
internal enum ConstructorArgument
{
    /// <summary>The bound options record.</summary>
    Options,

    /// <summary>The replay's <c>ReplacementContext</c>.</summary>
    Context,
}
