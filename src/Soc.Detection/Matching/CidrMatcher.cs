using System.Net;
using System.Net.Sockets;

namespace Soc.Detection.Matching;

/// <summary>The <c>cidr</c> modifier for IPv4 and IPv6 networks; a value that is not an address never matches.</summary>
public sealed class CidrMatcher : ValueMatcher
{
    private readonly byte[] _network;
    private readonly int _prefix;
    private readonly AddressFamily _family;

    public CidrMatcher(string cidr)
    {
        ArgumentNullException.ThrowIfNull(cidr);
        if (!IPNetwork.TryParse(cidr, out var net))
        {
            throw new FormatException($"'{cidr}' is not a CIDR network");
        }

        _network = net.BaseAddress.GetAddressBytes();
        _prefix = net.PrefixLength;
        _family = net.BaseAddress.AddressFamily;
        Cidr = cidr;
    }

    public string Cidr { get; }

    public override int Cost => 3;

    public override bool Match(ReadOnlySpan<char> text)
    {
        if (!IPAddress.TryParse(text, out var address))
        {
            return false;
        }

        if (address.AddressFamily != _family)
        {
            if (_family == AddressFamily.InterNetwork && address.IsIPv4MappedToIPv6)
            {
                address = address.MapToIPv4();
            }
            else
            {
                return false;
            }
        }

        Span<byte> bytes = stackalloc byte[16];
        if (!address.TryWriteBytes(bytes, out var written) || written != _network.Length)
        {
            return false;
        }

        var full = _prefix / 8;
        if (!bytes[..full].SequenceEqual(_network.AsSpan(0, full)))
        {
            return false;
        }

        var rest = _prefix % 8;
        if (rest == 0)
        {
            return true;
        }

        var mask = (byte)(0xFF << (8 - rest));
        return (bytes[full] & mask) == (_network[full] & mask);
    }
}
