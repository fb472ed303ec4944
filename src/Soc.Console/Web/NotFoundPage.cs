using Microsoft.AspNetCore.Mvc;

namespace Soc.Console.Web;

/// <summary>
/// 404 with a short page rather than an empty body (browsers show an error screen for those). Used for
/// absent records and, identically, for records outside the user's agency scope, so ids cannot be probed.
/// </summary>
public static class NotFoundPage
{
    public static ContentResult Result() => new()
    {
        StatusCode = StatusCodes.Status404NotFound,
        ContentType = "text/html; charset=utf-8",
        Content = """
            <!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>404 · SOC</title></head>
            <body style="font:14px 'DejaVu Sans',sans-serif;margin:60px auto;max-width:480px;color:#1f2633">
            <h1 style="font-size:18px">404 — Không tìm thấy / Not found</h1><p><a href="/">← Sự cố / Incidents</a></p></body></html>
            """,
    };
}
