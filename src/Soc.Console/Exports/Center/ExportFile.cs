using System.Security.Cryptography;

namespace Soc.Console.Exports.Center;

/// <summary>A rendered export: its bytes, media type and download name; <see cref="Number"/> when a report number was issued.</summary>
public sealed record ExportFile(byte[] Content, string ContentType, string FileName, string? Number = null)
{
    public const string Pdf = "application/pdf";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Json = "application/json";
    public const string Zip = "application/zip";

    public string Sha256 => Convert.ToHexStringLower(SHA256.HashData(Content));

    public static string ContentTypeOf(string format) => format switch
    {
        "pdf" => Pdf,
        "docx" => Docx,
        "json" => Json,
        "zip" => Zip,
        _ => "application/octet-stream",
    };

    /// <summary>Renders into memory.</summary>
    public static byte[] Render(Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var buffer = new MemoryStream();
        write(buffer);
        return buffer.ToArray();
    }
}
