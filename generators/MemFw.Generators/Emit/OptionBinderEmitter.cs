using System.Collections.Generic;
using System.Linq;
using MemFw.Generators.Model;

namespace MemFw.Generators.Emit;

/// <summary>
/// Emits <c>&lt;Plugin&gt;OptionBinder</c>: parses option text with the invariant culture onto a new options record
/// through <c>with</c>, without reflection, and reports every problem as a <c>PluginOptionException</c> that names
/// the plugin's kind, the plugin and the option (<c>policy 'clock': ...</c>, <c>victim selector 'idle-tax': ...</c>).
/// A plugin without options gets a binder that rejects any option.
/// </summary>
internal static class OptionBinderEmitter
{
    private const string Globalization = "global::System.Globalization";

    /// <summary>The file's hint name.</summary>
    public static string HintName(PluginModel plugin) => GeneratedCode.OptionBinder(plugin) + ".g.cs";

    /// <summary>The binder source for <paramref name="plugin"/>.</summary>
    public static string Emit(PluginModel plugin)
    {
        var options = plugin.Options?.Properties ?? EquatableArray<OptionModel>.Empty;
        var known = options.IsEmpty ? "none" : string.Join(", ", options.Select(o => o.OptionName));
        var prefix = $"{plugin.Kind.OptionErrorNoun()} '{plugin.Name}': ";
        var w = GeneratedCode.StartFile();
        w.Open($"namespace {GeneratedCode.Namespace}");
        w.Line($"/// <summary>Binds the options of {plugin.Kind.Noun()} '{plugin.Name}' from their text.</summary>");
        w.Line(GeneratedCode.Attribute);
        w.Open($"internal static class {GeneratedCode.OptionBinder(plugin)}");
        w.Line("/// <summary>The option names, as error messages list them.</summary>");
        w.Line($"private const string Known = {GeneratedCode.Literal(known)};");
        w.Line();
        w.Line("/// <summary>Checks the names in <paramref name=\"values\"/> and binds their values.</summary>");
        w.Line($"/// <exception cref=\"{FrameworkTypes.PluginOptionException}\">An option is unknown, malformed or "
            + "rejected by the options record.</exception>");
        var record = plugin.Options?.FullyQualifiedType;
        w.Open($"public static {record ?? "void"} Bind({FrameworkTypes.OptionValues} values)");
        WriteNameCheck(w, options, prefix);
        if (record is not null)
        {
            w.Line();
            w.Line($"var options = new {record}();");
            if (!options.IsEmpty)
            {
                w.Line("string text;");
            }

            foreach (var option in options)
            {
                WriteOption(w, option);
            }

            w.Line();
            w.Line("return options;");
        }

        w.Close();
        WriteHelpers(w, options, prefix);
        w.Close();
        w.Close();
        return w.ToString();
    }

    private static void WriteNameCheck(SourceWriter w, EquatableArray<OptionModel> options, string prefix)
    {
        w.Open("foreach (var name in values.Names)");
        w.Open("switch (name)");
        foreach (var option in options)
        {
            w.Line($"case {GeneratedCode.Literal(option.OptionName)}:");
        }

        if (!options.IsEmpty)
        {
            w.Indent().Line("break;").Outdent();
        }

        w.Line("default:").Indent();
        w.Line($"throw new {FrameworkTypes.PluginOptionException}(");
        var message = GeneratedCode.Literal(prefix + "unknown option '");
        w.Indent().Line($"{message} + name + \"'; options: \" + Known);").Outdent();
        w.Outdent();
        w.Close();
        w.Close();
    }

    private static void WriteOption(SourceWriter w, OptionModel option)
    {
        var name = GeneratedCode.Literal(option.OptionName);
        w.Line();
        w.Open($"if (values.TryGet({name}, out text))");
        switch (option.Kind)
        {
            case OptionKind.String:
                w.Line("var value = text;");
                break;
            case OptionKind.Enum:
                WriteEnumParse(w, option, name);
                break;
            default:
                w.Line($"var value = Parse{option.Kind}({name}, text);");
                break;
        }

        w.Open("try");
        w.Line($"options = options with {{ {GeneratedCode.Escape(option.PropertyName)} = value }};");
        w.Close();
        w.Open("catch (global::System.ArgumentException exception)");
        w.Line($"throw Rejected({name}, text, exception);");
        w.Close();
        w.Close();
    }

    private static void WriteEnumParse(SourceWriter w, OptionModel option, string name)
    {
        var expected = GeneratedCode.Literal("one of " + string.Join(", ", option.EnumMembers));
        w.Open($"{option.FullyQualifiedType} value = text.ToLowerInvariant() switch");
        var seen = new HashSet<string>();
        foreach (var member in option.EnumMembers.Where(m => seen.Add(m.ToLowerInvariant())))
        {
            w.Line($"{GeneratedCode.Literal(member.ToLowerInvariant())} => "
                + $"{option.FullyQualifiedType}.{GeneratedCode.Escape(member)},");
        }

        w.Line($"_ => throw Malformed({name}, {expected}, text),");
        w.Close(";");
    }

    private static void WriteHelpers(SourceWriter w, EquatableArray<OptionModel> options, string prefix)
    {
        if (options.IsEmpty)
        {
            return;
        }

        var parsed = options.Select(o => o.Kind).Where(k => k is not (OptionKind.String or OptionKind.Enum));
        foreach (var kind in parsed.Distinct().OrderBy(k => k))
        {
            WriteParser(w, kind);
        }

        var start = GeneratedCode.Literal(prefix + "option '");
        if (options.Any(o => o.Kind != OptionKind.String))
        {
            w.Line();
            w.Line($"private static {FrameworkTypes.PluginOptionException} Malformed(string option, string expected, "
                + "string text) =>");
            w.Indent().Line($"new({start} + option + \"' expects \" + expected + \", found '\" + text + \"'\");")
                .Outdent();
        }

        w.Line();
        w.Line($"private static {FrameworkTypes.PluginOptionException} Rejected(string option, string text, "
            + "global::System.ArgumentException exception) =>");
        w.Indent().Line($"new({start} + option + \"' does not accept '\" + text + \"': \" + exception.Message, "
            + "exception);").Outdent();
    }

    private static void WriteParser(SourceWriter w, OptionKind kind)
    {
        var (type, expected, call) = kind switch
        {
            OptionKind.Boolean => ("bool", "a bool (true or false)", "bool.TryParse(text, out var value)"),
            OptionKind.Int32 => ("int", "an int", Numeric("int", "NumberStyles.Integer")),
            OptionKind.Int64 => ("long", "a long", Numeric("long", "NumberStyles.Integer")),
            OptionKind.Double => ("double", "a double", Numeric("double", "NumberStyles.Float")),
            _ => throw new System.ArgumentOutOfRangeException(nameof(kind), kind, "expected a parsed option kind"),
        };
        w.Line();
        w.Line($"private static {type} Parse{kind}(string option, string text) =>");
        w.Indent().Line(call).Indent().Line("? value")
            .Line($": throw Malformed(option, {GeneratedCode.Literal(expected)}, text);").Outdent().Outdent();
    }

    private static string Numeric(string type, string styles) =>
        $"{type}.TryParse(text, {Globalization}.{styles}, {Globalization}.CultureInfo.InvariantCulture, out var value)";
}
