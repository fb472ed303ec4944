namespace Soc.Console.Exports.Center;

/// <summary>
/// What an agency enters once for its reports (the parts of <see cref="Model.AgencyProfile"/> the agency table
/// did not hold): Mẫu 03 A2–A4 and B, the number code, the Mẫu 05 member code and the dateline's place.
/// Null or empty fields print as a blank line to complete by hand.
/// </summary>
public sealed record AgencyDetails
{
    public static IReadOnlyList<string> FieldNames { get; } =
    [
        "address", "phone", "email", "document-code", "network-member-code", "locality",
        "contact-name", "contact-position", "contact-phone", "contact-email",
    ];

    public string? Address { get; init; }

    public string? Phone { get; init; }

    public string? Email { get; init; }

    public string? DocumentCode { get; init; }

    public string? NetworkMemberCode { get; init; }

    public string? Locality { get; init; }

    public string? ContactName { get; init; }

    public string? ContactPosition { get; init; }

    public string? ContactPhone { get; init; }

    public string? ContactEmail { get; init; }

    /// <summary>The field by its CLI/form name (<see cref="FieldNames"/>).</summary>
    public string? Get(string name) => name switch
    {
        "address" => Address,
        "phone" => Phone,
        "email" => Email,
        "document-code" => DocumentCode,
        "network-member-code" => NetworkMemberCode,
        "locality" => Locality,
        "contact-name" => ContactName,
        "contact-position" => ContactPosition,
        "contact-phone" => ContactPhone,
        "contact-email" => ContactEmail,
        _ => throw new ArgumentException("unknown agency profile field " + name, nameof(name)),
    };

    /// <summary>A copy with one field replaced; blank text clears it.</summary>
    public AgencyDetails With(string name, string? value)
    {
        value = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        return name switch
        {
            "address" => this with { Address = value },
            "phone" => this with { Phone = value },
            "email" => this with { Email = value },
            "document-code" => this with { DocumentCode = value },
            "network-member-code" => this with { NetworkMemberCode = value },
            "locality" => this with { Locality = value },
            "contact-name" => this with { ContactName = value },
            "contact-position" => this with { ContactPosition = value },
            "contact-phone" => this with { ContactPhone = value },
            "contact-email" => this with { ContactEmail = value },
            _ => throw new ArgumentException("unknown agency profile field " + name, nameof(name)),
        };
    }

    /// <summary>"field: before -> after" for each changed field, for the audit entry (empty when nothing changed).</summary>
    public string Diff(AgencyDetails after)
    {
        ArgumentNullException.ThrowIfNull(after);
        return string.Join("; ", FieldNames
            .Where(n => Get(n) != after.Get(n))
            .Select(n => $"{n}: {Get(n) ?? "-"} -> {after.Get(n) ?? "-"}"));
    }
}
