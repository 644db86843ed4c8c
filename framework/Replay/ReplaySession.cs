using System.IO.Hashing;
using System.Text;
using MemFw.Framework.Replacement;

namespace MemFw.Framework.Replay;

/// <summary>
/// One replay of one policy being set up: the frame table, the policy's context (seed, next uses) and the entry into
/// the loop specialized for the policy's type. Generated runners create the policy between <see cref="Start"/> and
/// <see cref="Replay{TPolicy}"/>.
/// </summary>
public sealed class ReplaySession : IDisposable
{
    private readonly string _name;
    private readonly ReplayForm _form;
    private readonly ReplaySettings _settings;
    private readonly FrameTable _frames;
    private readonly NextUseFile? _nextUseFile;
    private readonly NextUseReader? _nextUse;

    private ReplaySession(string name, ReplayForm form, ReplaySettings settings, bool offline)
    {
        _name = name;
        _form = form;
        _settings = settings;
        _frames = new FrameTable(settings.Frames);
        if (offline)
        {
            _nextUseFile = form.BuildNextUse();
            _nextUse = _nextUseFile.OpenReader();
        }

        Context = new ReplacementContext(_frames, form.PageCount, settings.TickPeriod, DeriveSeed(settings.Seed, name),
            _nextUse);
    }

    /// <summary>The context to create the policy with.</summary>
    public ReplacementContext Context { get; }

    /// <summary>Starts a replay of policy <paramref name="name"/> over <paramref name="form"/>.</summary>
    /// <param name="name">The policy's registered name (also salts its seed).</param>
    /// <param name="form">The accesses to replay.</param>
    /// <param name="settings">Frames and periods.</param>
    /// <param name="offline">Whether the policy reads next uses (Belady's OPT).</param>
    public static ReplaySession Start(string name, ReplayForm form, ReplaySettings settings, bool offline)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(settings);
        return new ReplaySession(name, form, settings, offline);
    }

    /// <summary>Runs the replay loop specialized for <typeparamref name="TPolicy"/>: one call per replay.</summary>
    public ReplayResult Replay<TPolicy>(ref TPolicy policy)
        where TPolicy : struct, IReplacementPolicy =>
        ReplayLoop.Run(ref policy, _name, _form, _frames, _settings);

    /// <inheritdoc/>
    public void Dispose()
    {
        _nextUse?.Dispose();
        _nextUseFile?.Dispose();
    }

    /// <summary>A component's seed: the run's seed mixed with a stable hash of the component's name.</summary>
    public static int DeriveSeed(int runSeed, string component)
    {
        var hash = XxHash32.HashToUInt32(Encoding.UTF8.GetBytes(component), runSeed);
        return (int)(hash & int.MaxValue);
    }
}
