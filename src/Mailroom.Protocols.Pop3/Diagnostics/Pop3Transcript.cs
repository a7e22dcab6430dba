using Microsoft.Extensions.Logging;

namespace Mailroom.Protocols.Pop3;

/// <summary>
/// Opt-in wire log (<see cref="Pop3ServerOptions.EnableTranscript"/>): "C:" for commands as parsed (PASS and SASL
/// data shown as "***"), "S:" for status lines; message content appears as an octet count only.
/// </summary>
internal sealed partial class Pop3Transcript(ILogger logger, bool enabled, string connectionId)
{
    public bool Enabled => enabled && logger.IsEnabled(LogLevel.Information);

    public void Client(string text)
    {
        if (Enabled)
        {
            Write(connectionId, "C", text);
        }
    }

    public void Server(string text)
    {
        if (Enabled)
        {
            Write(connectionId, "S", text);
        }
    }

    [LoggerMessage(3690, LogLevel.Information, "{ConnectionId} {Direction}: {Line}")]
    private partial void Write(string connectionId, string direction, string line);
}
