using System.Text;

namespace Mailroom.Transport.Intake;

/// <summary>What intake learns from a message's header section before storing it.</summary>
public sealed record HeaderSummary(int ReceivedCount, string? MessageId, bool Complete)
{
    /// <summary>
    /// Reads a header section (up to the empty line, or the whole buffer if it has none): counts <c>Received:</c>
    /// fields and finds <c>Message-ID</c>, unfolding continuation lines. Never throws on malformed input.
    /// </summary>
    public static HeaderSummary Parse(ReadOnlySpan<byte> headers, bool complete)
    {
        var received = 0;
        string? messageId = null;
        var text = Encoding.Latin1.GetString(headers);
        string? field = null;
        var value = new StringBuilder();
        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.TrimEnd('\r');
            if (trimmed.Length > 0 && (trimmed[0] == ' ' || trimmed[0] == '\t'))
            {
                value.Append(trimmed);
                continue;
            }

            Finish();
            var colon = trimmed.IndexOf(':');
            field = colon > 0 ? trimmed[..colon].Trim() : null;
            value.Clear().Append(colon > 0 ? trimmed[(colon + 1)..] : string.Empty);
        }

        Finish();
        return new HeaderSummary(received, messageId, complete);

        void Finish()
        {
            if (field is null)
            {
                return;
            }

            if (field.Equals("Received", StringComparison.OrdinalIgnoreCase))
            {
                received++;
            }
            else if (messageId is null && field.Equals("Message-ID", StringComparison.OrdinalIgnoreCase) && value.ToString().Trim() is { Length: > 0 } id)
            {
                messageId = id;
            }
        }
    }
}
