namespace MemFw.Generators.Model;

/// <summary>One bindable property of a plugin's options record.</summary>
/// <param name="PropertyName">The C# property name (<c>TickPeriod</c>).</param>
/// <param name="OptionName">The kebab-case option name (<c>tick-period</c>).</param>
/// <param name="Kind">How its text is parsed.</param>
/// <param name="TypeName">The C# type as users read it (<c>int</c>, <c>AgingMode</c>).</param>
/// <param name="FullyQualifiedType">The <c>global::</c>-qualified type for generated code.</param>
/// <param name="DefaultValue">The initializer's text, or <c>default</c>.</param>
/// <param name="Description">The doc comment's summary as one line of plain text.</param>
/// <param name="EnumMembers">For an enum, its member names in declaration order; otherwise empty.</param>
internal sealed record OptionModel(
    string PropertyName,
    string OptionName,
    OptionKind Kind,
    string TypeName,
    string FullyQualifiedType,
    string DefaultValue,
    string Description,
    EquatableArray<string> EnumMembers);
