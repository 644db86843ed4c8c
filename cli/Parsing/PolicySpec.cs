using MemFw.Framework.Plugins;

namespace MemFw.Cli.Parsing;

/// <summary>A policy chosen on the command line with its options: <c>NAME[:OPTION=VALUE]...</c>, e.g. <c>aging:bits=4</c>.</summary>
/// <param name="Name">The policy's registered name.</param>
/// <param name="Options">Its option values, as text.</param>
internal sealed record PolicySpec(string Name, IReadOnlyList<KeyValuePair<string, string>> Options)
{
    /// <summary>How the policy is labelled in results: its spec as typed, normalized.</summary>
    public string Label => Options.Count == 0 ? Name : $"{Name}:{string.Join(':', Options.Select(o => $"{o.Key}={o.Value}"))}";

    /// <summary>The options as the generated binder takes them.</summary>
    public OptionValues Values => new(Options);

    /// <summary>Parses one spec.</summary>
    /// <exception cref="ArgumentException">An option is not <c>NAME=VALUE</c>.</exception>
    public static PolicySpec Parse(string text, string option)
    {
        var parts = text.Split(':');
        var options = new List<KeyValuePair<string, string>>();
        foreach (var part in parts.Skip(1))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new ArgumentException(
                    $"{option}: expected NAME[:OPTION=VALUE]..., found '{text}' ('{part}' has no '=')", nameof(text));
            }

            options.Add(new(part[..equals], part[(equals + 1)..]));
        }

        return parts[0].Length == 0
            ? throw new ArgumentException($"{option}: expected a policy name, found '{text}'", nameof(text))
            : new PolicySpec(parts[0], options);
    }

    /// <summary>Parses a comma-separated list of specs.</summary>
    public static IReadOnlyList<PolicySpec> ParseList(string text, string option) =>
        [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(t => Parse(t, option))];
}
