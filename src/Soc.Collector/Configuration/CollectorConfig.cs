using Soc.Collector.Inputs;

namespace Soc.Collector.Configuration;

/// <summary>A loaded config: the options and the inputs built from them (not yet running), or the errors.</summary>
public sealed record CollectorConfig(CollectorOptions? Options, IReadOnlyList<IInput> Inputs, IReadOnlyList<string> Errors)
{
    public bool IsValid => Options is not null && Errors.Count == 0;
}
