namespace MemFw.Traces.Tests.TestSupport;

/// <summary>A fresh folder under the system temp folder, deleted with everything in it on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    /// <summary>Creates the folder.</summary>
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "memfw-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    /// <summary>The folder.</summary>
    public string Path { get; }

    /// <summary>A path inside the folder (nothing is created).</summary>
    public string Combine(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Creates and returns a sub-folder.</summary>
    public string CreateSubdirectory(string name) => Directory.CreateDirectory(Combine(name)).FullName;

    /// <summary>Writes <paramref name="bytes"/> to a file in the folder and returns its path.</summary>
    public string WriteFile(string name, byte[] bytes)
    {
        var path = Combine(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>Writes <paramref name="lines"/> (each ending in a newline) to a file and returns its path.</summary>
    public string WriteLines(string name, IEnumerable<string> lines)
    {
        var path = Combine(name);
        File.WriteAllText(path, string.Concat(lines.Select(l => l + "\n")));
        return path;
    }

    /// <summary>The names of the entries of <paramref name="folder"/>, sorted.</summary>
    public static string[] Entries(string folder) =>
        [.. Directory.EnumerateFileSystemEntries(folder).Select(System.IO.Path.GetFileName).Order(StringComparer.Ordinal)!];

    /// <summary>Every file under <paramref name="folder"/> by relative path, with its bytes.</summary>
    public static SortedDictionary<string, byte[]> Snapshot(string folder)
    {
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            files[System.IO.Path.GetRelativePath(folder, file)] = File.ReadAllBytes(file);
        }

        return files;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
