namespace MemFw.Framework.Plugins;

/// <summary>
/// Option values given as text on the command line (<c>name=value</c>), consumed by the generated binder of one
/// plugin. Names are kebab-case; the binder parses values with the invariant culture.
/// </summary>
public sealed class OptionValues
{
    private readonly Dictionary<string, string> _values;

    /// <summary>Creates the set from name/value pairs.</summary>
    public OptionValues(IEnumerable<KeyValuePair<string, string>> values) =>
        _values = new Dictionary<string, string>(values, StringComparer.Ordinal);

    /// <summary>No options: every plugin uses its defaults.</summary>
    public static OptionValues Empty { get; } = new([]);

    /// <summary>The option names given.</summary>
    public IEnumerable<string> Names => _values.Keys;

    /// <summary>The text given for <paramref name="name"/>, if any.</summary>
    public bool TryGet(string name, out string value) => _values.TryGetValue(name, out value!);
}
