namespace MemFw.Traces.Import;

/// <summary>What a <see cref="SnapshotTime"/> is relative to.</summary>
public enum SnapshotAnchor
{
    /// <summary>The value is the time itself.</summary>
    Absolute,

    /// <summary>The time of the VM's first access.</summary>
    Start,

    /// <summary>One past the time of the VM's last access.</summary>
    End,
}
