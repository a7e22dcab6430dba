using System.Net;

namespace Mailroom.ClientAccess.Sessions;

/// <summary>One logged-in client session as the registry knows it.</summary>
/// <param name="MailboxId">The directory mailbox's Guid the session works on.</param>
/// <param name="Protocol">"IMAP4" or "POP3" (Exchange's client access protocol names).</param>
/// <param name="RemoteAddress">The client's address, for Get-… cmdlets and logs.</param>
/// <param name="ConnectionId">The host's connection id, to correlate with protocol logs.</param>
public sealed record ClientSessionInfo(Guid MailboxId, string Protocol, IPAddress? RemoteAddress, string ConnectionId, DateTimeOffset LoggedInAt);
