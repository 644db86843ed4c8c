using MemFw.Framework.Host.Scenarios;
using MemFw.Framework.Plugins;

namespace MemFw.Cli.Commands;

/// <summary>
/// The alternatives <c>memfw compare SCENARIO</c> runs: the scenario's host with each combination of the policies given
/// for each role (<c>--policies</c> for the swap policy, <c>--vary ROLE=A,B,...</c> for any role).
/// </summary>
internal static class ScenarioVariants
{
    /// <summary>The roles <c>--vary</c> takes, as the scenario file names them.</summary>
    public static IReadOnlyList<string> Roles { get; } =
        ["swap-policy", "guest-policy", "victim-selector", "balloon", "working-set", "sharing", "zero-pages", "codec"];

    /// <summary>Every combination, the first role varying slowest; the scenario itself when nothing varies.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="swapPolicies">The <c>--policies</c> list, or null.</param>
    /// <param name="vary">The <c>--vary</c> values, each <c>ROLE=SPEC[,SPEC]...</c>.</param>
    /// <exception cref="ArgumentException">An unknown role, a role given twice, or a malformed spec.</exception>
    public static IReadOnlyList<Scenario> Of(Scenario scenario, string? swapPolicies, IEnumerable<string> vary)
    {
        var axes = new List<(string Role, IReadOnlyList<PolicySpec?> Specs)>();
        if (swapPolicies is not null)
        {
            axes.Add(("swap-policy", [.. PolicySpec.ParseList(swapPolicies, "--policies")]));
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
                .Select(t => Spec(role, t))]));
            if (axes[^1].Specs.Count == 0)
            {
                throw new ArgumentException($"--vary {role}: expected at least one policy", nameof(vary));
            }
        }

        IEnumerable<Scenario> variants = [scenario];
        foreach (var (role, specs) in axes)
        {
            variants = variants.SelectMany(v => specs.Select(s => v with { Host = With(v.Host, role, s) }));
        }

        return [.. variants];
    }

    /// <summary>One value of a varied role: a policy spec, or null for <c>none</c> where a role may be off.</summary>
    private static PolicySpec? Spec(string role, string text) => (role, text) switch
    {
        ("balloon" or "sharing", "none") => null,
        ("zero-pages", "on" or "off") => PolicySpec.Default(text),
        ("zero-pages", _) => throw new ArgumentException(
            $"--vary zero-pages: expected on or off, found '{text}'", nameof(text)),
        _ => PolicySpec.Parse(text, $"--vary {role}"),
    };

    private static HostConfig With(HostConfig host, string role, PolicySpec? spec) => role switch
    {
        "swap-policy" => host with { SwapPolicy = spec! },
        "guest-policy" => host with { GuestPolicy = spec! },
        "victim-selector" => host with { VictimSelector = spec! },
        "balloon" => host with { Balloon = spec },
        "sharing" => host with { Sharing = host.Sharing with { Scanner = spec } },
        "zero-pages" => host with { Sharing = host.Sharing with { ZeroPages = spec!.Name == "on" } },
        "codec" => host with { Codec = spec! },
        _ => host with { WorkingSet = spec! },
    };
}
