using System.Net.Security;
using System.Security.Authentication;

namespace Mailroom.Networking;

/// <summary>What was negotiated on an encrypted connection (for logs and Received headers, RFC 3848).</summary>
public sealed record TlsInfo(SslProtocols Protocol, TlsCipherSuite? CipherSuite)
{
    public static TlsInfo From(SslStream stream) => new(stream.SslProtocol, stream.NegotiatedCipherSuite);
}
