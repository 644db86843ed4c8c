namespace MemFw.Framework.Plugins;

/// <summary>
/// A policy chosen by a user with its options: <c>NAME[:OPTION=VALUE]...</c>, e.g. <c>aging:bits=4</c>, as typed on the
/// command line or in a scenario file.
/// </summary>
/// <remarks>Only the syntax is checked here; whether the name and options exist is for the registry to say.</remarks>
/// <param name="Name">The policy's registered name.</param>
/// <param name="Options">Its option values, as text.</param>
public sealed record PolicySpec(string Name, IReadOnlyList<KeyValuePair<string, string>> Options)
{
    /// <summary>How the policy is labelled in results: its spec as typed, normalized.</summary>
    public string Label =>
        Options.Count == 0 ? Name : $"{Name}:{string.Join(':', Options.Select(o => $"{o.Key}={o.Value}"))}";

    /// <summary>The options as the generated binder takes them.</summary>
    public OptionValues Values => new(Options);

    /// <summary>A spec with no options: the policy <paramref name="name"/> with its defaults.</summary>
    public static PolicySpec Default(string name) => new(name, []);

    /// <summary>Parses one spec; <paramref name="option"/> names where it was given, for the message.</summary>
    /// <exception cref="ArgumentException">The name is empty or an option is not <c>NAME=VALUE</c>.</exception>
    public static PolicySpec Parse(string text, string option) =>
        TryParse(text, out var spec, out var problem)
            ? spec
            : throw new ArgumentException($"{option}: {problem}", nameof(text));

    /// <summary>Parses one spec, or says what is wrong with it.</summary>
    /// <param name="text">The spec as typed.</param>
    /// <param name="spec">The parsed spec, when the text is one.</param>
    /// <param name="problem">What was expected and found, when it is not.</param>
    public static bool TryParse(string text, out PolicySpec spec, out string problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        spec = Default("");
        var parts = text.Split(':');
        if (parts[0].Length == 0)
        {
            problem = $"expected a policy name, found '{text}'";
            return false;
        }

        var options = new List<KeyValuePair<string, string>>();
        foreach (var part in parts.Skip(1))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                problem = $"expected NAME[:OPTION=VALUE]..., found '{text}' ('{part}' has no '=')";
                return false;
            }

            options.Add(new(part[..equals], part[(equals + 1)..]));
        }

        spec = new PolicySpec(parts[0], options);
        problem = "";
        return true;
    }

    /// <summary>Parses a comma-separated list of specs.</summary>
    /// <exception cref="ArgumentException">One of them is not a spec.</exception>
    public static IReadOnlyList<PolicySpec> ParseList(string text, string option)
    {
        ArgumentNullException.ThrowIfNull(text);
        return [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => Parse(t, option))];
    }
}
