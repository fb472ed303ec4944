namespace Soc.Collector.Tests.Inputs;

/// <summary>A fresh directory under /tmp for one test, deleted afterwards.</summary>
public sealed class ScratchDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("soc-test-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a stopping input; /tmp is cleaned eventually.
        }
    }
}
