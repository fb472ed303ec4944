namespace Soc.Console.Incidents;

/// <summary>
/// The ten incident types of the national periodic report form. Rules in our pack carry a tag
/// <c>soc.category.&lt;slug&gt;</c>; an incident takes the first such tag of its rule, else none
/// (the analyst sets it, or "other").
/// </summary>
public static class NationalCategories
{
    public const string TagPrefix = "soc.category.";

    /// <summary>Slug → the form's wording.</summary>
    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["denial-of-service"] = "Denial of service",
        ["phishing"] = "Spoofing / phishing",
        ["malware"] = "Malware",
        ["unauthorised-access"] = "Unauthorised access / takeover",
        ["defacement"] = "Defacement",
        ["ransomware"] = "Encryption / ransomware",
        ["data-destruction"] = "Destruction of data",
        ["data-theft"] = "Eavesdropping / data theft",
        ["combined"] = "Combined attack",
        ["other"] = "Other",
    };

    // Spellings seen in rules written elsewhere map onto the form's slugs.
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["dos"] = "denial-of-service",
        ["ddos"] = "denial-of-service",
        ["spoofing"] = "phishing",
        ["unauthorized-access"] = "unauthorised-access",
        ["takeover"] = "unauthorised-access",
        ["encryption"] = "ransomware",
        ["destruction"] = "data-destruction",
        ["eavesdropping"] = "data-theft",
    };

    /// <summary>The slugs in the order of the periodic report form, so the form's row number (1–10) is the index + 1.</summary>
    public static readonly IReadOnlyList<string> InFormOrder =
        ["denial-of-service", "phishing", "malware", "unauthorised-access", "defacement", "ransomware", "data-destruction", "data-theft", "combined", "other"];

    /// <summary>The form's row number 1–10 for a slug; no or an unknown category is 10, "other".</summary>
    public static int FormCode(string? slug)
    {
        for (var i = 0; i < InFormOrder.Count; i++)
        {
            if (string.Equals(InFormOrder[i], slug, StringComparison.Ordinal))
            {
                return i + 1;
            }
        }

        return InFormOrder.Count;
    }

    public static string? FromTags(IEnumerable<string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        foreach (var tag in tags)
        {
            if (tag.StartsWith(TagPrefix, StringComparison.OrdinalIgnoreCase))
            {
                var slug = tag[TagPrefix.Length..].ToLowerInvariant();
                return All.ContainsKey(slug) ? slug : Aliases.GetValueOrDefault(slug, "other");
            }
        }

        return null;
    }

    /// <summary>ATT&amp;CK technique ids (T1110.001) from Sigma tags (attack.t1110.001).</summary>
    public static IReadOnlyList<string> TechniquesFromTags(IEnumerable<string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var list = new List<string>();
        foreach (var tag in tags)
        {
            if (tag.Length > 8 && tag.StartsWith("attack.t", StringComparison.OrdinalIgnoreCase) && char.IsAsciiDigit(tag[8]))
            {
                list.Add(tag[7..].ToUpperInvariant());
            }
        }

        return list;
    }
}
