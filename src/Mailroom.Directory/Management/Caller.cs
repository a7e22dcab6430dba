using System.Net;

namespace Mailroom.Directory.Management;

/// <summary>An authenticated user of the management API and what its role groups let it do.</summary>
public sealed record Caller(Guid Id, string Name, bool CanRead, bool CanChange)
{
    /// <summary>How the caller reached this node (null for in-process callers), for client access rules' lockout protection.</summary>
    public CallerConnection? Connection { get; init; }
}

/// <summary>The connection a caller came in on: address and port, client access protocol and authentication type.</summary>
public sealed record CallerConnection(IPAddress RemoteAddress, int RemotePort, string Protocol, string AuthenticationType);
