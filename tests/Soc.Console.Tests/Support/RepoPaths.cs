namespace Soc.Console.Tests.Support;

/// <summary>Finds the repository root (the folder with Soc.sln) and the shared test corpus beside it.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>../shared/corpus relative to the repository root, as in a developer checkout and in CI.</summary>
    public static string Corpus { get; } = Path.GetFullPath(Path.Combine(Root, "..", "shared", "corpus"));

    public static string Rules { get; } = Path.Combine(Root, "rules");

    public static string CorpusFile(params string[] parts) => Path.Combine([Corpus, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Soc.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Soc.sln not found above " + AppContext.BaseDirectory);
    }
}
