using System.Text;

namespace Soc.Collector.Framing;

/// <summary>Turns frame payloads into message strings.</summary>
public static class Utf8Text
{
    /// <summary>
    /// Decodes UTF-8 (invalid bytes become U+FFFD). A truncated payload may end inside a multi-byte character;
    /// that partial character is dropped rather than shown as a replacement character.
    /// </summary>
    public static string Decode(ReadOnlySpan<byte> payload, bool truncated) =>
        Encoding.UTF8.GetString(truncated ? TrimPartialCharacter(payload) : payload);

    /// <summary>Drops an incomplete UTF-8 sequence at the end of <paramref name="bytes"/>.</summary>
    public static ReadOnlySpan<byte> TrimPartialCharacter(ReadOnlySpan<byte> bytes)
    {
        // Walk back over at most three continuation bytes to the lead byte of the last character.
        var i = bytes.Length - 1;
        var continuation = 0;
        while (i >= 0 && continuation < 3 && (bytes[i] & 0xC0) == 0x80)
        {
            i--;
            continuation++;
        }

        if (i < 0)
        {
            return bytes;
        }

        var lead = bytes[i];
        var needed = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : 0;
        return needed > continuation ? bytes[..i] : bytes;
    }
}
