using Soc.Console.Exports.Model;
using Soc.Console.Storage.Sqlite;

namespace Soc.Console.Exports.Center;

/// <summary>The <see cref="AgencyProfile"/> the exporters print, from the agency table and its report profile columns.</summary>
public static class AgencyProfileReader
{
    /// <summary>The agency's profile; an unknown id gives a profile with only the id as name.</summary>
    public static AgencyProfile Read(SqliteStore accounts, string agencyId)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        var agency = accounts.FindAgency(agencyId);
        var parent = agency?.ParentId is { } parentId ? accounts.FindAgency(parentId) : null;
        var details = accounts.GetAgencyDetails(agencyId) ?? new AgencyDetails();
        return new AgencyProfile
        {
            Id = agencyId,
            Name = agency?.Name ?? agencyId,
            ParentName = parent?.Name,
            Address = details.Address,
            Phone = details.Phone,
            Email = details.Email,
            DocumentCode = details.DocumentCode,
            NetworkMemberCode = details.NetworkMemberCode,
            Locality = details.Locality,
            Contact = details.ContactName is null ? null : new ContactPerson(details.ContactName, details.ContactPosition, details.ContactPhone, details.ContactEmail),
        };
    }
}
