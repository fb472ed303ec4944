using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Soc.Detection.Engine;
using Soc.Detection.Events;

namespace Soc.Console.Incidents;

/// <summary>
/// The deterministic identity of an alert: rule + agency + grouping fields (host, entity) + the dedupe
/// window it falls in. Equal fingerprints are one alert with a count, on either store and on any node.
/// </summary>
public static class AlertFingerprint
{
    public static string Compute(string agencyId, Alert alert, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var bucket = alert.Timestamp.ToUnixTimeMilliseconds() / (long)window.TotalMilliseconds;
        var text = string.Join('\u001f', agencyId, alert.RuleId, HostOf(alert) ?? "", EntityOf(alert) ?? "", bucket.ToString(CultureInfo.InvariantCulture));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
    }

    public static string? HostOf(Alert alert) => alert?.Event?.GetString(EcsFields.HostName);

    /// <summary>The entity an incident is about: the attacker's address if known, else the user, else the host.</summary>
    public static string? EntityOf(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return alert.Event?.GetString(EcsFields.SourceIp) ?? alert.Event?.GetString(EcsFields.UserName) ?? alert.Event?.GetString(EcsFields.HostName);
    }
}
