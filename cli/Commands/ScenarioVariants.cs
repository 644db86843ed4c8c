using MemFw.Framework.Host.Scenarios;
using MemFw.Framework.Plugins;

namespace MemFw.Cli.Commands;

/// <summary>
/// The alternatives <c>memfw compare SCENARIO</c> runs: the scenario's host with each combination of the policies given
/// for each role (<c>--policies</c> for the swap policy, <c>--vary ROLE=A,B,...</c> for any role; a backing-store
/// alternative is a chain, its stores joined by <c>+</c>, such as <c>compressed-ram+disk</c>).
/// </summary>
internal static class ScenarioVariants
{
    /// <summary>The roles <c>--vary</c> takes, as the scenario file names them.</summary>
    public static IReadOnlyList<string> Roles { get; } =
        ["swap-policy", "guest-policy", "victim-selector", "balloon", "working-set", "backing-store", "sharing",
            "zero-pages", "patching", "codec"];

    /// <summary>Every combination, the first role varying slowest; the scenario itself when nothing varies.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="swapPolicies">The <c>--policies</c> list, or null.</param>
    /// <param name="vary">The <c>--vary</c> values, each <c>ROLE=SPEC[,SPEC]...</c>.</param>
    /// <exception cref="ArgumentException">An unknown role, a role given twice, or a malformed spec.</exception>
    public static IReadOnlyList<Scenario> Of(Scenario scenario, string? swapPolicies, IEnumerable<string> vary)
    {
        var axes = new List<(string Role, IReadOnlyList<Func<HostConfig, HostConfig>> Changes)>();
        if (swapPolicies is not null)
        {
            axes.Add(("swap-policy", [.. PolicySpec.ParseList(swapPolicies, "--policies")
                .Select(spec => With("swap-policy", spec))]));
        }

        foreach (var item in vary)
        {
            var equals = item.IndexOf('=', StringComparison.Ordinal);
            var role = equals > 0 ? item[..equals] : item;
            if (!Roles.Contains(role))
            {
                throw new ArgumentException($"--vary: expected ROLE=POLICY[,POLICY]... with ROLE one of "
                    + $"{string.Join(", ", Roles)}, found '{item}'", nameof(vary));
            }

            if (axes.Any(a => a.Role == role))
            {
                throw new ArgumentException($"--vary: {role} is varied twice (--policies varies swap-policy)",
                    nameof(vary));
            }

            var text = item[(equals + 1)..];
            axes.Add((role, [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(t => With(role, t))]));
            if (axes[^1].Changes.Count == 0)
            {
                throw new ArgumentException($"--vary {role}: expected at least one policy", nameof(vary));
            }
        }

        IEnumerable<Scenario> variants = [scenario];
        foreach (var (_, changes) in axes)
        {
            variants = variants.SelectMany(v => changes.Select(change => v with { Host = change(v.Host) }));
        }

        return [.. variants];
    }

    /// <summary>The change to a host that <paramref name="text"/>, an alternative for <paramref name="role"/>, makes.</summary>
    private static Func<HostConfig, HostConfig> With(string role, string text)
    {
        var option = $"--vary {role}";
        switch (role, text)
        {
            case ("backing-store", _):
                IReadOnlyList<PolicySpec> chain =
                    [.. text.Split('+', StringSplitOptions.TrimEntries).Select(t => PolicySpec.Parse(t, option))];
                return host => host with { BackingStores = chain };
            case ("balloon", "none"):
                return host => host with { Balloon = null };
            case ("sharing", "none"):
                return host => host with { Sharing = host.Sharing with { Scanner = null } };
            case ("zero-pages", "on" or "off"):
                var on = text == "on";
                return host => host with { Sharing = host.Sharing with { ZeroPages = on } };
            case ("patching", "on" or "off"):
                var patching = text == "on";
                return host => host with { Patching = patching };
            case ("zero-pages" or "patching", _):
                throw new ArgumentException($"{option}: expected on or off, found '{text}'", nameof(text));
            default:
                return With(role, PolicySpec.Parse(text, option));
        }
    }

    private static Func<HostConfig, HostConfig> With(string role, PolicySpec spec) => role switch
    {
        "swap-policy" => host => host with { SwapPolicy = spec },
        "guest-policy" => host => host with { GuestPolicy = spec },
        "victim-selector" => host => host with { VictimSelector = spec },
        "balloon" => host => host with { Balloon = spec },
        "sharing" => host => host with { Sharing = host.Sharing with { Scanner = spec } },
        "codec" => host => host with { Codec = spec },
        _ => host => host with { WorkingSet = spec },
    };
}
