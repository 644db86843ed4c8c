namespace MemFw.Framework.Content.Images;

/// <summary>How one page of a VM image is stored: the first byte of its record.</summary>
public enum VmImagePageKind : byte
{
    /// <summary>An all-zero page: the record holds only its gfn.</summary>
    Zero = 0,

    /// <summary>The same bytes as an earlier compressed page of the image: the record holds that record's offset.</summary>
    Reference = 1,

    /// <summary>The page's hash and its bytes compressed with the image's codec.</summary>
    Compressed = 2,

    /// <summary>Only the page's hash: the trace held no bytes for it.</summary>
    HashOnly = 3,
}
