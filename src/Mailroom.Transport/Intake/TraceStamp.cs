using System.Globalization;
using System.Net;
using System.Text;

namespace Mailroom.Transport.Intake;

/// <summary>
/// The trace fields a receiving server adds (RFC 5321 §4.4): <c>Return-Path</c> with the envelope sender, and a
/// <c>Received</c> line naming the client, this server, the protocol (RFC 3848: ESMTP, ESMTPS, ESMTPA, ESMTPSA) and
/// the queue ID.
/// </summary>
public sealed record TraceStamp(
    string? ReversePath, string HeloName, IPAddress RemoteAddress, string ServerFqdn, bool Esmtp, bool Tls, bool Authenticated,
    string QueueId, DateTimeOffset Received, string? SingleRecipient)
{
    public string Protocol => (Esmtp ? "ESMTP" : "SMTP") + (Tls ? "S" : string.Empty) + (Authenticated ? "A" : string.Empty);

    /// <summary>The <c>Return-Path</c> line alone; relaying strips it again (RFC 5321 §4.4 reserves it for final delivery).</summary>
    public string ReturnPathLine => $"Return-Path: <{ReversePath}>\r\n";

    public string ReceivedLine
    {
        get
        {
            var text = new StringBuilder();
            text.Append(CultureInfo.InvariantCulture, $"Received: from {HeloName} ([{RemoteAddress}])\r\n");
            text.Append(CultureInfo.InvariantCulture, $"\tby {ServerFqdn} (Mailroom) with {Protocol} id {QueueId}");
            if (SingleRecipient is not null)
            {
                text.Append(CultureInfo.InvariantCulture, $"\r\n\tfor <{SingleRecipient}>");
            }

            text.Append(CultureInfo.InvariantCulture, $"; {Received.ToString("ddd, dd MMM yyyy HH:mm:ss ", CultureInfo.InvariantCulture)}{Received.ToString("zzz", CultureInfo.InvariantCulture).Replace(":", string.Empty, StringComparison.Ordinal)}\r\n");
            return text.ToString();
        }
    }
}
