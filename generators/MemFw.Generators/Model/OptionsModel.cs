namespace MemFw.Generators.Model;

/// <summary>The options record a plugin's constructor takes.</summary>
/// <param name="FullyQualifiedType">The <c>global::</c>-qualified record type.</param>
/// <param name="Properties">Its bindable properties, base record first, each in declaration order.</param>
internal sealed record OptionsModel(string FullyQualifiedType, EquatableArray<OptionModel> Properties);
