using PdfSharp.Fonts;

namespace Soc.Console.Exports.Pdf;

/// <summary>
/// PDFsharp font resolver over DejaVu (Debian package fonts-dejavu-core): PDFsharp 6 finds no fonts on
/// Linux by itself, and DejaVu covers every Vietnamese letter with its tone marks. Only regular and bold
/// faces exist in fonts-dejavu-core, so italic requests get the upright face.
/// </summary>
public sealed class PdfFonts : IFontResolver
{
    public const string Sans = "DejaVu Sans";
    public const string Serif = "DejaVu Serif";
    public const string Mono = "DejaVu Sans Mono";

    /// <summary>Where Debian installs the fonts; SOC_FONT_DIR overrides it.</summary>
    public const string DefaultDirectory = "/usr/share/fonts/truetype/dejavu";

    private static readonly Lock Gate = new();
    private readonly Dictionary<string, byte[]> _faces = new(StringComparer.Ordinal);
    private readonly string _directory;

    private PdfFonts(string directory) => _directory = directory;

    /// <summary>Installs the resolver once per process; fails with the package to install when a font is missing.</summary>
    public static void EnsureRegistered()
    {
        PdfLicense.Apply();
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is PdfFonts)
            {
                return;
            }

            var directory = Environment.GetEnvironmentVariable("SOC_FONT_DIR") ?? DefaultDirectory;
            foreach (var face in new[] { "DejaVuSans", "DejaVuSans-Bold", "DejaVuSerif", "DejaVuSerif-Bold", "DejaVuSansMono", "DejaVuSansMono-Bold" })
            {
                var path = Path.Combine(directory, face + ".ttf");
                if (!File.Exists(path))
                {
                    throw new InvalidOperationException(
                        $"Font {path} is missing: PDF reports need DejaVu (Debian: apt-get install fonts-dejavu-core, or set SOC_FONT_DIR).");
                }
            }

            GlobalFontSettings.FontResolver = new PdfFonts(directory);
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
    {
        var face = familyName switch
        {
            Serif => "DejaVuSerif",
            Mono => "DejaVuSansMono",
            _ => "DejaVuSans",
        };
        return new FontResolverInfo(bold ? face + "-Bold" : face);
    }

    public byte[]? GetFont(string faceName)
    {
        lock (_faces)
        {
            if (!_faces.TryGetValue(faceName, out var bytes))
            {
                bytes = File.ReadAllBytes(Path.Combine(_directory, faceName + ".ttf"));
                _faces[faceName] = bytes;
            }

            return bytes;
        }
    }
}
