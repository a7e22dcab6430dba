namespace Mailroom.Networking;

/// <summary>The server side of one SASL exchange (RFC 4422 §3) for a password mechanism. One instance per attempt.</summary>
public interface ISaslServerExchange
{
    /// <summary>The mechanism name as advertised (upper case).</summary>
    string Mechanism { get; }

    /// <summary>Starts the exchange. <paramref name="initialResponse"/> is as sent on the wire: base64, or "=" for an
    /// empty response (RFC 4954 §4, RFC 4959 §3); ignored unless <paramref name="hasInitialResponse"/>.</summary>
    SaslStep Start(ReadOnlySpan<byte> initialResponse, bool hasInitialResponse);

    /// <summary>Handles a continuation line as received (base64, or "*" to cancel).</summary>
    SaslStep Respond(ReadOnlySpan<byte> responseLine);
}
