using System.Net;
using Mailroom.Transport.Routing;

namespace Mailroom.Transport.Acceptance;

/// <summary>A recipient the session accepted at RCPT time, with where it leads.</summary>
public sealed record AcceptedRecipient(string Address, RecipientResolution Resolution, string? Notify = null, string? OriginalRecipient = null);

/// <summary>What the receiving session knows about a message before its body arrives.</summary>
public sealed record IncomingEnvelope(
    string ReversePath,
    IReadOnlyList<AcceptedRecipient> Recipients,
    string HeloName,
    IPAddress RemoteAddress,
    bool Esmtp,
    bool Tls,
    string? Submitter,
    string Source,
    string? EnvelopeId = null,
    string? Ret = null);

/// <summary>The answer to the end of DATA: accepted with a queue id (250), or refused with an SMTP reply.</summary>
public sealed record AcceptanceResult(bool Accepted, string QueueId, string Reply);
