using System.CommandLine;
using MemFw.Cli.Output;
using MemFw.Cli.Parsing;
using MemFw.Framework.Plugins;

namespace MemFw.Cli.Commands;

/// <summary><c>memfw replay</c>: replays a trace through one replacement policy with N machine frames.</summary>
internal static class ReplayCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliConsole console)
    {
        var policy = new Option<string>("--policy", "-p")
        {
            Description = "The policy, NAME[:OPTION=VALUE]...; its options may also follow as --OPTION VALUE",
            Required = true,
        };
        var frames = new Option<string>("--frames")
        {
            Description = "Machine frames backing the guest pages: a count, or a size such as 64M",
            Required = true,
        };
        var json = CommonOptions.Json();
        var shared = new ReplayOptions();
        var command = new Command("replay", "Replay a trace through one page-replacement policy")
        {
            policy, frames, json,
        };
        shared.AddTo(command);
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(parse =>
        {
            var spec = PolicySpec.Parse(parse.GetValue(policy)!, "--policy");
            spec = spec with { Options = [.. spec.Options, .. ExtraOptions(parse.UnmatchedTokens)] };
            var settings = shared.Settings(parse, FrameCount.Parse(parse.GetValue(frames)!, "--frames"));
            var run = PolicyRun.Bind(shared.Catalog(parse), spec);
            var (_, form) = shared.Decode(parse, console);
            using (form)
            {
                var result = run.Run(form, settings);
                if (parse.GetValue(json))
                {
                    CliJson.Write(console.Out, ReplaySummary.From(result));
                }
                else
                {
                    ReplaySummaryText.Write(console.Out, result);
                }
            }

            return 0;
        });
        return command;
    }

    /// <summary>Reads policy options typed as <c>--name value</c> or <c>--name=value</c> after the known options.</summary>
    private static IEnumerable<KeyValuePair<string, string>> ExtraOptions(IReadOnlyList<string> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (!token.StartsWith("--", StringComparison.Ordinal) || token.Length == 2)
            {
                throw new ArgumentException($"unexpected argument '{token}'; policy options are --NAME VALUE", nameof(tokens));
            }

            var equals = token.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                yield return new(token[2..equals], token[(equals + 1)..]);
            }
            else if (i + 1 < tokens.Count)
            {
                yield return new(token[2..], tokens[++i]);
            }
            else
            {
                throw new ArgumentException($"policy option '{token}' has no value", nameof(tokens));
            }
        }
    }
}
