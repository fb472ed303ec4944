using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Soc.Console.Notifications;

/// <summary>
/// POSTs the notice as JSON, signed (<see cref="WebhookSignature"/>). A 2xx answer is delivery; anything
/// else, or no answer, is tried again after 1×, 2×, 4× … the first retry delay, up to MaxAttempts.
/// </summary>
public sealed class WebhookChannel(HttpClient http, WebhookOptions options, TimeProvider time) : INotificationChannel
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Name => "webhook";

    public async Task SendAsync(DeadlineNotice notice, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new
        {
            incidentId = notice.IncidentId,
            agency = notice.AgencyId,
            title = notice.Title,
            severity = notice.Severity,
            deadline = notice.Deadline,
            deadlineName = notice.DeadlineLabel,
            legalSource = notice.LegalSource,
            due = notice.DueAt,
            state = notice.State,
            link = notice.ConsoleLink,
        }, Json);
        var delay = TimeSpan.FromMilliseconds(options.FirstRetryDelayMilliseconds);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var request = Request(body);
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(TimeSpan.FromSeconds(options.TimeoutSeconds));
                using var response = await http.SendAsync(request, timeout.Token).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }

                if (attempt >= options.MaxAttempts)
                {
                    throw new HttpRequestException($"webhook answered {(int)response.StatusCode} after {attempt} attempt(s)");
                }
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested && attempt < options.MaxAttempts)
            {
                // not delivered: wait and try again
            }

            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            delay *= 2;
        }
    }

    private HttpRequestMessage Request(byte[] body)
    {
        // Signed per attempt, so the timestamp a receiver checks is the time of this try.
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, options.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp);
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(options.Secret ?? "", timestamp, body));
        return request;
    }
}
