using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Soc.EndToEnd.Tests.Browser;

namespace Soc.EndToEnd.Tests.Security;

/// <summary>The JSON API's access rules, against the real center: tokens, roles and agency isolation.</summary>
[Collection(SharedCenter.Name)]
public sealed class ApiSecurityTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task EveryApiEndpointWithoutATokenAnswers401()
    {
        // The endpoint list comes from the center's own OpenAPI document, so endpoints added later are covered too.
        using var client = fixture.Center.Client();
        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var checkedCount = 0;
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            if (!path.Name.StartsWith("/api/", StringComparison.Ordinal))
            {
                continue;
            }

            var url = System.Text.RegularExpressions.Regex.Replace(path.Name, @"\{[^}]+\}", "1");
            foreach (var operation in path.Value.EnumerateObject())
            {
                using var request = new HttpRequestMessage(new HttpMethod(operation.Name.ToUpperInvariant()), url) { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };
                var response = await client.SendAsync(request);
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{operation.Name.ToUpperInvariant()} {url} answered {(int)response.StatusCode} without a token");
                checkedCount++;
            }
        }

        Assert.True(checkedCount >= 4, $"only {checkedCount} API operations found in the OpenAPI document");
    }

    [Fact]
    public async Task AnUnknownTokenIsRefused()
    {
        using var client = fixture.Center.Client("soct_not-a-real-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/incidents")).StatusCode);
    }

    [Theory]
    [InlineData("viewer")]
    [InlineData("analyst")]
    public async Task TheAuditApiAnswers403ToRolesOtherThanAuditorAndAdmin(string user)
    {
        using var client = fixture.Center.Client(fixture.Tokens[user]);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/audit/verify")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/audit")).StatusCode);
    }

    [Theory]
    [InlineData("auditor")]
    [InlineData("viewer")]
    public async Task ReadOnlyRolesCannotChangeAnIncidentOverTheApi(string user)
    {
        using var client = fixture.Center.Client(fixture.Tokens[user]);
        var patch = await client.PatchAsJsonAsync($"/api/v1/incidents/{fixture.TtttIncident}", new { status = "closed", closingReason = "false_positive" });
        Assert.Equal(HttpStatusCode.Forbidden, patch.StatusCode);
        var note = await client.PostAsJsonAsync($"/api/v1/incidents/{fixture.TtttIncident}/notes", new { text = "forged" });
        Assert.Equal(HttpStatusCode.Forbidden, note.StatusCode);
    }

    [Fact]
    public async Task TheAuditorVerifiesTheChainOverTheApi()
    {
        using var client = fixture.Center.Client(fixture.Tokens["auditor"]);
        var result = await client.GetFromJsonAsync<JsonElement>("/api/v1/audit/verify");
        Assert.True(result.GetProperty("intact").GetBoolean(), result.ToString());
    }

    [Fact]
    public async Task AnAgencyViewerCannotReadAnotherAgencysIncidentByGuessingItsId()
    {
        using var viewer = fixture.Center.Client(fixture.Tokens["viewer"]);
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync($"/api/v1/incidents/{fixture.HuyenIncident}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync($"/api/v1/incidents/{fixture.TtttIncident}")).StatusCode);
        // Guessing every id nearby finds nothing of huyen-a either.
        for (var id = 1; id <= 20; id++)
        {
            var response = await viewer.GetAsync($"/api/v1/incidents/{id}");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var body = await response.Content.ReadFromJsonAsync<JsonElement>();
                Assert.Equal("so-tttt", body.GetProperty("incident").GetProperty("agencyId").GetString());
            }
        }

        var list = await viewer.GetFromJsonAsync<JsonElement>("/api/v1/incidents?limit=500");
        Assert.NotEqual(0, list.GetArrayLength());
        Assert.All(list.EnumerateArray(), i => Assert.Equal("so-tttt", i.GetProperty("agencyId").GetString()));
    }
}
