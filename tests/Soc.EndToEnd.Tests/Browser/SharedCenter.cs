namespace Soc.EndToEnd.Tests.Browser;

/// <summary>The browser and security tests share one center (starting one takes seconds); they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class SharedCenter : ICollectionFixture<ConsoleFixture>
{
    public const string Name = "console";
}
