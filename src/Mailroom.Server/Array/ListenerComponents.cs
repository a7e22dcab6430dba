using System.Text;
using Mailroom.Directory.Commands.ComponentStates;

namespace Mailroom.Server.Array;

/// <summary>
/// Which server component governs each listener, and what a listener says when its component isn't active: each
/// protocol's temporary failure, so clients and balancers try again elsewhere (SMTP RFC 5321 §3.8 421 with Exchange's
/// 4.3.2; IMAP RFC 9051 §7.1.5 BYE with RFC 5530's UNAVAILABLE; POP3 RFC 3206 SYS/TEMP). HTTPS isn't gated: its health
/// probes must answer 503, and the management API stays reachable to bring the server back.
/// </summary>
public static class ListenerComponents
{
    public static string? Of(string listener) => listener switch
    {
        "Smtp" or "Submission" or "SubmissionTls" => ServerComponents.FrontendTransport,
        "Imap" or "Imaps" => ServerComponents.ImapProxy,
        "Pop3" or "Pop3s" => ServerComponents.PopProxy,
        _ => null,
    };

    public static byte[] Refusal(string listener, string fqdn) => Encoding.ASCII.GetBytes(listener switch
    {
        "Smtp" or "Submission" or "SubmissionTls" => $"421 4.3.2 {fqdn} Service not active, try another server\r\n",
        "Imap" or "Imaps" => $"* BYE [UNAVAILABLE] {fqdn} is in maintenance, try again\r\n",
        _ => $"-ERR [SYS/TEMP] {fqdn} is in maintenance, try again later\r\n",
    });
}
