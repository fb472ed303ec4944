using Soc.Console.Storage;

namespace Soc.Console.Web.Data;

/// <summary>One page of the queue, the total that matched, and the counts per status (ignoring the status filter).</summary>
public sealed record QueuePage(IReadOnlyList<Incident> Rows, int Total, IReadOnlyDictionary<string, int> StatusCounts);
