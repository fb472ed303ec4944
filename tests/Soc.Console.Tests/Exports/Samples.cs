namespace Soc.Console.Tests.Exports;

/// <summary>
/// Keeps a test's output in the folder named by SOC_EXPORT_SAMPLES (unset: keeps nothing), which is how
/// the examples in docs/reports are produced from the very outputs the tests check.
/// </summary>
public static class Samples
{
    public static void Keep(string name, byte[] bytes)
    {
        var folder = Environment.GetEnvironmentVariable("SOC_EXPORT_SAMPLES");
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
            File.WriteAllBytes(Path.Combine(folder, name), bytes);
        }
    }
}
