namespace MemFw.Traces.Import;

/// <summary>What <see cref="TraceImporter"/> converts and how: the options of <c>memfw trace import</c>.</summary>
public sealed record ImportOptions
{
    /// <summary>The format of <see cref="Inputs"/>.</summary>
    public required ImportFormat Format { get; init; }

    /// <summary>The captures, one per VM for access formats, one per snapshot for <c>raw-ram</c>.</summary>
    public required IReadOnlyList<InputSpec> Inputs { get; init; }

    /// <summary>RAM images to add as page snapshots to an access import (the <c>--ram</c> option).</summary>
    public IReadOnlyList<InputSpec> RamImages { get; init; } = [];

    /// <summary>The trace folder to write.</summary>
    public required string Output { get; init; }

    /// <summary>Replace an existing output.</summary>
    public bool Overwrite { get; init; }

    /// <summary>Keep the bytes of non-zero pages in the page-contents table (not only their hashes).</summary>
    public bool StoreContent { get; init; } = true;

    /// <summary>Installed RAM of every VM in bytes, when the captures do not say; RAM images give it otherwise.</summary>
    public long? RamBytes { get; init; }

    /// <summary>vCPUs of every VM.</summary>
    public int Vcpus { get; init; } = 1;

    /// <summary>Free-text description stored in the metadata.</summary>
    public string? Description { get; init; }

}
