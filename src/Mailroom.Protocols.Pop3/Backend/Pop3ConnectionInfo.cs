using System.Net;

namespace Mailroom.Protocols.Pop3;

/// <summary>What the host knows about a connection before the session starts.</summary>
/// <param name="ImplicitTls">The listener terminated TLS before the first byte (port 995, RFC 8314).</param>
public sealed record Pop3ConnectionInfo(string ConnectionId, IPEndPoint? RemoteEndPoint, IPEndPoint? LocalEndPoint, bool ImplicitTls, string? ListenerName);
