using System.Globalization;
using MemFw.Framework.Parsing;
using MemFw.Framework.Plugins;
using MemFw.Traces.Format;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MemFw.Framework.Host.Scenarios;

/// <summary>
/// One mapping of a scenario file, read key by key: typed values, with every error naming the file, the line and
/// column of the value, and the key's path (such as <c>vms[1].limit</c>).
/// </summary>
internal sealed class YamlMap
{
    private readonly YamlMappingNode _node;
    /// <summary>Each key's node and value, by name; YamlDotNet refuses a mapping with a key twice.</summary>
    private readonly Dictionary<string, (YamlNode Key, YamlNode Value)> _values;

    private YamlMap(
        string file, string path, YamlMappingNode node, Dictionary<string, (YamlNode Key, YamlNode Value)> values)
    {
        File = file;
        Path = path;
        _node = node;
        _values = values;
    }

    /// <summary>The scenario file, for messages.</summary>
    public string File { get; }

    /// <summary>The mapping's own path: empty for the root, else such as <c>host</c> or <c>vms[0]</c>.</summary>
    public string Path { get; }

    /// <summary>Where the mapping starts.</summary>
    public Mark Start => _node.Start;

    /// <summary>Reads <paramref name="node"/> as a mapping whose keys are all among <paramref name="known"/>.</summary>
    /// <exception cref="TraceInputException">Not a mapping, or a key not in <paramref name="known"/>.</exception>
    public static YamlMap Read(string file, YamlNode node, string path, IReadOnlyCollection<string> known)
    {
        if (node is not YamlMappingNode mapping)
        {
            throw ScenarioError.At(file, node.Start, path,
                $"expected a mapping with keys {string.Join(", ", known)}, found {Describe(node)}");
        }

        var values = new Dictionary<string, (YamlNode Key, YamlNode Value)>(StringComparer.Ordinal);
        foreach (var (key, value) in mapping.Children)
        {
            var name = key is YamlScalarNode { Value: { } text } ? text : "";
            if (!known.Contains(name))
            {
                throw ScenarioError.At(file, key.Start, Join(path, name),
                    $"unknown key{NameSuggestions.Describe(name, known)}");
            }

            values[name] = (key, value);
        }

        return new YamlMap(file, path, mapping, values);
    }

    /// <summary>The path of <paramref name="key"/> in this mapping, for messages.</summary>
    public string KeyPath(string key) => Join(Path, key);

    /// <summary>Whether the file sets <paramref name="key"/> here.</summary>
    public bool Has(string key) => _values.ContainsKey(key);

    /// <summary>
    /// The error about <paramref name="key"/>'s value: at the value, at the key when the value is empty (YamlDotNet
    /// places an empty value at the next token), at the mapping when the key is absent.
    /// </summary>
    public TraceInputException Error(string key, string problem)
    {
        var mark = !_values.TryGetValue(key, out var entry) ? Start
            : entry.Value is YamlScalarNode scalar && IsEmpty(scalar) ? entry.Key.Start
            : entry.Value.Start;
        return ScenarioError.At(File, mark, KeyPath(key), problem);
    }

    /// <summary>The error for a required key that is absent, at the start of the mapping.</summary>
    public TraceInputException Missing(string key, string expected) =>
        ScenarioError.At(File, Start, KeyPath(key), $"missing: expected {expected}");

    /// <summary>The value of <paramref name="key"/>, if set, whatever its kind.</summary>
    public YamlNode? Node(string key) => _values.TryGetValue(key, out var entry) ? entry.Value : null;

    /// <summary>The text of a scalar <paramref name="key"/>, or <see langword="null"/> when absent.</summary>
    /// <exception cref="TraceInputException">The value is a mapping, a list or empty.</exception>
    public string? Text(string key, string expected)
    {
        if (Node(key) is not { } value)
        {
            return null;
        }

        return value is YamlScalarNode scalar && !IsEmpty(scalar)
            ? scalar.Value!
            : throw Error(key, $"expected {expected}, found {Describe(value)}");
    }

    /// <summary>
    /// A size in bytes (<c>128M</c>, <c>4096</c>): whole 4 KiB pages, at least <paramref name="min"/>.
    /// </summary>
    public long? Size(string key, long min)
    {
        if (Text(key, ByteSize.Expected) is not { } text)
        {
            return null;
        }

        if (!ByteSize.TryParse(text, out var bytes))
        {
            throw Error(key, $"expected {ByteSize.Expected}, found '{text}'");
        }

        if (bytes % TraceFormat.PageSize != 0)
        {
            throw Error(key, Invariant($"expected whole 4 KiB pages, found '{text}' ({bytes} bytes)"));
        }

        return bytes >= min
            ? bytes
            : throw Error(key, $"expected at least {ByteSize.Format(min)}, found '{text}'");
    }

    /// <summary>
    /// An integer from <paramref name="min"/> to <paramref name="max"/>; <paramref name="words"/> names the words the
    /// caller accepts instead (checked by the caller), for the message.
    /// </summary>
    public long? Integer(string key, long min, long max, string words = "")
    {
        var expected = (words.Length == 0 ? "" : $"{words} or ")
            + (max == long.MaxValue
                ? Invariant($"an integer of at least {min}")
                : Invariant($"an integer from {min} to {max}"));
        return Text(key, expected) is not { } text
            ? null
            : long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
                && value >= min && value <= max
                ? value
                : throw Error(key, $"expected {expected}, found '{text}'");
    }

    /// <summary>A fraction strictly between 0 and 1, as a decimal (<c>0.06</c>) or a percentage (<c>6%</c>).</summary>
    public double? Fraction(string key)
    {
        const string Expected = "a fraction between 0 and 1 (exclusive) such as 0.06 or 6%";
        if (Text(key, Expected) is not { } text)
        {
            return null;
        }

        var percent = text.EndsWith('%');
        var ok = double.TryParse(
            percent ? text[..^1] : text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value);
        value = percent ? value / 100 : value;
        return ok && value is > 0 and < 1 ? value : throw Error(key, $"expected {Expected}, found '{text}'");
    }

    /// <summary>A finite number of at least 0.</summary>
    public double? NonNegative(string key, string unit)
    {
        var expected = $"a number of {unit}, at least 0";
        return Text(key, expected) is not { } text
            ? null
            : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                && double.IsFinite(value) && value >= 0
                ? value
                : throw Error(key, $"expected {expected}, found '{text}'");
    }

    /// <summary>A duration of at least 0 (<see cref="Parsing.Duration"/>): <c>500ms</c>, <c>60s</c>, <c>10m</c>, <c>2h</c>.</summary>
    public TimeSpan? Duration(string key) =>
        Text(key, Parsing.Duration.Expected) is not { } text
            ? null
            : Parsing.Duration.TryParse(text, out var duration)
                ? duration
                : throw Error(key, $"expected {Parsing.Duration.Expected}, found '{text}'");

    /// <summary>A boolean: <c>true</c> or <c>false</c>.</summary>
    public bool? Bool(string key) =>
        Text(key, "true or false") switch
        {
            null => null,
            var text when text.Equals("true", StringComparison.OrdinalIgnoreCase) => true,
            var text when text.Equals("false", StringComparison.OrdinalIgnoreCase) => false,
            var text => throw Error(key, $"expected true or false, found '{text}'"),
        };

    /// <summary>A policy spec, <c>NAME[:OPTION=VALUE]...</c>; the name is not checked against any registry.</summary>
    public PolicySpec? Policy(string key)
    {
        const string Expected = "a policy NAME[:OPTION=VALUE]... such as lru or aging:bits=4";
        return Text(key, Expected) is not { } text ? null : Spec(text, problem => Error(key, problem));
    }

    /// <summary>
    /// One policy spec or a non-empty list of them (<c>disk</c>, <c>[compressed-ram, disk]</c>); an error about an
    /// item names it as <c>KEY[i]</c>. <paramref name="expected"/> says what the key takes, for messages.
    /// </summary>
    public IReadOnlyList<PolicySpec>? Policies(string key, string expected)
    {
        if (Node(key) is not YamlSequenceNode { Children: var items } sequence)
        {
            return Text(key, expected) is { } text ? [Spec(text, problem => Error(key, problem))] : null;
        }

        if (items.Count == 0)
        {
            throw Error(key, $"expected {expected}, found {Describe(sequence)}");
        }

        var specs = new List<PolicySpec>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var error = (string problem) => ScenarioError.At(File, item.Start, $"{KeyPath(key)}[{i}]", problem);
            specs.Add(item is YamlScalarNode scalar && !IsEmpty(scalar)
                ? Spec(scalar.Value!, error)
                : throw error($"expected {expected}, found {Describe(item)}"));
        }

        return specs;
    }

    /// <summary>A nested mapping whose keys are all among <paramref name="known"/>.</summary>
    public YamlMap? Map(string key, IReadOnlyCollection<string> known) =>
        Node(key) is { } value ? Read(File, value, KeyPath(key), known) : null;

    /// <summary>A non-empty list.</summary>
    public IReadOnlyList<YamlNode>? List(string key, string expected) =>
        Node(key) is not { } value ? null
        : value is YamlSequenceNode { Children.Count: > 0 } sequence ? [.. sequence.Children]
        : throw Error(key, $"expected a list of {expected}, found {Describe(value)}");

    /// <summary>
    /// A value as a message names it: <c>'text'</c>, <c>nothing</c>, <c>a mapping</c>, <c>a list</c>.
    /// </summary>
    private static string Describe(YamlNode node) => node switch
    {
        YamlScalarNode scalar when IsEmpty(scalar) => "nothing",
        YamlScalarNode scalar => $"'{scalar.Value}'",
        YamlMappingNode => "a mapping",
        YamlSequenceNode { Children.Count: 0 } => "an empty list",
        _ => "a list",
    };

    private static PolicySpec Spec(string text, Func<string, TraceInputException> error) =>
        PolicySpec.TryParse(text.Trim(), out var spec, out var problem) ? spec : throw error(problem);

    private static bool IsEmpty(YamlScalarNode scalar) =>
        string.IsNullOrWhiteSpace(scalar.Value)
        || (scalar.Style == ScalarStyle.Plain && scalar.Value is "~" or "null" or "Null" or "NULL");

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
