namespace Soc.Detection.Events;

/// <summary>
/// A normalised event: flat Elastic Common Schema field names ("source.ip", "user.name") to values.
/// Values are <see cref="string"/>, <see cref="long"/>, <see cref="double"/>, <see cref="bool"/>,
/// <see cref="IReadOnlyList{T}"/> of those (ECS arrays such as <c>event.category</c>) or null.
/// Nested JSON objects are flattened with dots so that rules, search and storage see one shape.
/// </summary>
public sealed class LogEvent
{
    private readonly Dictionary<string, object?> _fields;

    public LogEvent(int capacity = 16) => _fields = new Dictionary<string, object?>(capacity, StringComparer.Ordinal);

    /// <summary>All fields, keyed by dotted ECS name.</summary>
    public IReadOnlyDictionary<string, object?> Fields => _fields;

    /// <summary>The event's time (ECS <c>@timestamp</c>), with its original offset.</summary>
    public DateTimeOffset Timestamp { get; set; }

    public object? this[string field]
    {
        get => _fields.TryGetValue(field, out var v) ? v : null;
        set => _fields[field] = value;
    }

    public bool TryGet(string field, out object? value) => _fields.TryGetValue(field, out value);

    public bool Has(string field) => _fields.ContainsKey(field);

    public string? GetString(string field) => _fields.TryGetValue(field, out var v) ? v as string : null;

    public void Set(string field, object? value) => _fields[field] = value;

    /// <summary>Sets the field only when the value is present (not null and not empty).</summary>
    public void SetIfPresent(string field, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            _fields[field] = value;
        }
    }

    public bool Remove(string field) => _fields.Remove(field);

    /// <summary>The human-readable message (ECS <c>message</c>).</summary>
    public string? Message
    {
        get => GetString(EcsFields.Message);
        set => _fields[EcsFields.Message] = value;
    }
}
