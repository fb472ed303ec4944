namespace Soc.Collector.Configuration;

/// <summary>Every problem found in a config file, each as <c>file:line: message</c>; loading reports them all at once.</summary>
public sealed class ConfigErrors(string path)
{
    private readonly List<string> _messages = [];

    public IReadOnlyList<string> Messages => _messages;

    public bool Any => _messages.Count > 0;

    public void Add(long line, string message) => _messages.Add(line > 0 ? $"{path}:{line}: {message}" : $"{path}: {message}");
}
