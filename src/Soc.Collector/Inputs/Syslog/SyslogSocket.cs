using System.Net;
using System.Net.Sockets;

namespace Soc.Collector.Inputs.Syslog;

/// <summary>Binds a syslog listener's socket: <c>[::]</c> listens dual-stack, so IPv4 and IPv6 senders share one port.</summary>
internal static class SyslogSocket
{
    public static Socket Bind(SyslogInputOptions options, SocketType socketType, ProtocolType protocol)
    {
        var endpoint = IPEndPoint.Parse(options.Listen);
        var socket = new Socket(endpoint.AddressFamily, socketType, protocol);
        try
        {
            if (endpoint.Address.Equals(IPAddress.IPv6Any))
            {
                socket.DualMode = true;
            }

            if (options.ReceiveBufferBytes > 0)
            {
                socket.ReceiveBufferSize = options.ReceiveBufferBytes;
            }

            socket.Bind(endpoint);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
