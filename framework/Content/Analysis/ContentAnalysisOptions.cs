using MemFw.Framework.Content.Patching;

namespace MemFw.Framework.Content.Analysis;

/// <summary>Options of <see cref="PageContentAnalysis"/>.</summary>
public sealed record ContentAnalysisOptions
{
    /// <summary>
    /// The id of the one VM to analyse, as if it were alone on the host; <see langword="null"/> (the default): every
    /// VM, sharing and patching across VMs.
    /// </summary>
    public int? Vm
    {
        get;
        init
        {
            if (value is { } id)
            {
                ArgumentOutOfRangeException.ThrowIfNegative(id, "vm");
            }

            field = value;
        }
    }

    /// <summary>How pages are patched. Default: <see cref="PatchOptions"/>' defaults (2 KiB cutoff, (2, 1)).</summary>
    public PatchOptions Patching
    {
        get;
        init
        {
            ArgumentNullException.ThrowIfNull(value, "patching");
            field = value;
        }
    } = new();

    /// <summary>
    /// The codecs whose compression ratio is measured on the pages left after sharing. Default: none.
    /// </summary>
    public IReadOnlyList<NamedCodec> Codecs
    {
        get;
        init
        {
            ArgumentNullException.ThrowIfNull(value, "codecs");
            field = value;
        }
    } = [];
}
