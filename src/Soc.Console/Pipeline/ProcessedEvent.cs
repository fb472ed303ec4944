using Soc.Detection.Engine;
using Soc.Detection.Events;

namespace Soc.Console.Pipeline;

/// <summary>An event after normalisation and detection, ready to be stored with its alerts.</summary>
public sealed record ProcessedEvent(LogEvent Event, IReadOnlyList<Alert> Alerts);
