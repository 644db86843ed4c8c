namespace MemFw.Framework.Plugins;

/// <summary>One option of a plugin, as <c>memfw plugins</c> lists it and the command line sets it.</summary>
/// <param name="Name">The kebab-case option name (<c>tick-period</c>), typed as <c>--tick-period</c> or <c>tick-period=V</c>.</param>
/// <param name="Type">The C# type name (<c>int</c>, <c>double</c>, <c>bool</c>, ...).</param>
/// <param name="DefaultValue">The default, as text.</param>
/// <param name="Description">The option's doc comment: meaning, unit and range.</param>
public sealed record OptionDescriptor(string Name, string Type, string DefaultValue, string Description);
