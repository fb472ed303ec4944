using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Soc.Console.Exports.Center;
using Soc.Console.Hosting;
using Soc.Console.Security;
using Soc.Console.Storage;
using Soc.Console.Storage.Sqlite;

namespace Soc.Console.Web.Pages;

/// <summary>
/// Agencies, ingest keys, users and each agency's report profile (admin only). New keys and passwords are shown once, on the page
/// that created them, and never stored in the clear; every change is audited.
/// </summary>
[Authorize(Policy = Policies.Admin)]
public sealed class AdminModel(SqliteStore store, ISocStore audit) : PageModel
{
    public IReadOnlyList<Agency> Agencies { get; private set; } = [];
    public IReadOnlyList<(string AgencyId, string Created, string? Revoked)> Keys { get; private set; } = [];
    public IReadOnlyList<UserAccount> Users { get; private set; } = [];
    public string? Secret { get; private set; }
    public string? SecretLabel { get; private set; }
    public string? Error { get; private set; }

    /// <summary>The agency whose report profile is being edited (?profile=id), with its current values.</summary>
    public Agency? ProfileAgency { get; private set; }
    public AgencyDetails ProfileDetails { get; private set; } = new();

    public void OnGet(string? profile)
    {
        Load();
        LoadProfile(profile);
    }

    /// <summary>Saves the report profile the national forms print; audited with every changed field before and after.</summary>
    public async Task<IActionResult> OnPostProfileAsync(string agencyId, [FromForm(Name = "p")] Dictionary<string, string>? p)
    {
        if (store.GetAgencyDetails(agencyId) is not { } before)
        {
            return NotFoundPage.Result();
        }

        var after = before;
        foreach (var name in AgencyDetails.FieldNames)
        {
            after = after.With(name, p?.GetValueOrDefault(name));
        }

        var diff = before.Diff(after);
        if (diff.Length > 0)
        {
            store.SetAgencyDetails(agencyId, after);
            await AuditAsync("agency.profile", $"agency:{agencyId}", diff).ConfigureAwait(false);
        }

        return RedirectToPage(new { profile = agencyId, saved = 1 });
    }

    public async Task<IActionResult> OnPostAgencyAsync(string id, string name, string? parent)
    {
        id = (id ?? "").Trim();
        if (id.Length == 0 || string.IsNullOrWhiteSpace(name) || store.FindAgency(id) is not null || (!string.IsNullOrEmpty(parent) && store.FindAgency(parent) is null))
        {
            Error = "admin.exists";
            Load();
            return Page();
        }

        Secret = store.AddAgency(id, name.Trim(), string.IsNullOrEmpty(parent) ? null : parent);
        SecretLabel = "admin.newkey";
        await AuditAsync("agency.add", $"agency:{id}", $"{name.Trim()}, parent {parent ?? "-"}, ingest key issued").ConfigureAwait(false);
        Load();
        return Page();
    }

    public async Task<IActionResult> OnPostRotateAsync(string agencyId)
    {
        if (store.FindAgency(agencyId) is null)
        {
            return NotFoundPage.Result();
        }

        Secret = store.RotateIngestKey(agencyId);
        SecretLabel = "admin.newkey";
        await AuditAsync("agency.key.rotate", $"agency:{agencyId}", "new ingest key issued").ConfigureAwait(false);
        Load();
        return Page();
    }

    public async Task<IActionResult> OnPostUserAsync(string name, string role, string? agency)
    {
        name = (name ?? "").Trim();
        agency = string.IsNullOrEmpty(agency) ? null : agency;
        if (name.Length == 0 || !Roles.All.Contains(role) || store.FindUser(name) is not null
            || (role == Roles.AgencyViewer && agency is null) || (agency is not null && store.FindAgency(agency) is null))
        {
            Error = "admin.exists";
            Load();
            return Page();
        }

        var password = Secrets.CreatePassword();
        store.AddUser(name, role, agency, PasswordHashing.Hash(name, password));
        Secret = password;
        SecretLabel = "admin.newpassword";
        await AuditAsync("user.add", $"user:{name}", $"role {role}, agency {agency ?? "-"}").ConfigureAwait(false);
        Load();
        return Page();
    }

    private void LoadProfile(string? agencyId)
    {
        ProfileAgency = agencyId is null ? null : store.FindAgency(agencyId);
        ProfileDetails = ProfileAgency is null ? new AgencyDetails() : store.GetAgencyDetails(ProfileAgency.Id) ?? new AgencyDetails();
    }

    private void Load()
    {
        Agencies = store.ListAgencies();
        Keys = store.ListIngestKeys();
        Users = store.ListUsers();
    }

    private Task<AuditEntry> AuditAsync(string action, string subject, string details) =>
        audit.AppendAuditAsync(new AuditRecord(User.Name(), action, subject, details, DateTimeOffset.UtcNow), HttpContext.RequestAborted);
}
