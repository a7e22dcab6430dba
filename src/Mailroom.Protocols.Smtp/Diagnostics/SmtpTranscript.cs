using System.Text;
using Microsoft.Extensions.Logging;

namespace Mailroom.Protocols.Smtp;

/// <summary>
/// Opt-in wire log (<see cref="SmtpServerOptions.EnableTranscript"/>): "C:" lines from the client, "S:" from the
/// server. AUTH initial responses and SASL responses are replaced by "***" (the model of MailKit's
/// IAuthenticationSecretDetector); message content appears as an octet count only.
/// </summary>
internal sealed partial class SmtpTranscript(ILogger logger, bool enabled, string connectionId)
{
    public bool Enabled => enabled && logger.IsEnabled(LogLevel.Information);

    public void Client(ReadOnlySpan<byte> line)
    {
        if (!Enabled)
        {
            return;
        }

        // "AUTH mechanism initial-response": keep the mechanism, hide the response.
        var firstSpace = line.IndexOf((byte)' ');
        if (firstSpace > 0 && SmtpCommandParser.LookUpVerb(line[..firstSpace]) == SmtpVerb.Auth)
        {
            var secondSpace = line[(firstSpace + 1)..].IndexOf((byte)' ');
            if (secondSpace >= 0)
            {
                Write(connectionId, "C", Printable(Encoding.UTF8.GetString(line[..(firstSpace + 1 + secondSpace)])) + " ***");
                return;
            }
        }

        Write(connectionId, "C", Printable(Encoding.UTF8.GetString(line)));
    }

    public void ClientSecret()
    {
        if (Enabled)
        {
            Write(connectionId, "C", "***");
        }
    }

    public void ClientContent(long octets)
    {
        if (Enabled)
        {
            Write(connectionId, "C", $"<{octets} octets of message content>");
        }
    }

    public void Server(SmtpReply reply)
    {
        if (Enabled)
        {
            Write(connectionId, "S", reply.ToString().TrimEnd('\r', '\n').Replace("\r\n", " | ", StringComparison.Ordinal));
        }
    }

    private static string Printable(string text) =>
        text.Any(char.IsControl) ? new string(text.Select(c => char.IsControl(c) ? '?' : c).ToArray()) : text;

    [LoggerMessage(3100, LogLevel.Information, "{ConnectionId} {Direction}: {Line}")]
    private partial void Write(string connectionId, string direction, string line);
}
