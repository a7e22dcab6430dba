namespace Mailroom.Networking;

/// <summary>SASL PLAIN (RFC 4616): one message <c>[authzid] NUL authcid NUL passwd</c>, base64 on the wire.</summary>
public sealed class PlainServerExchange : ISaslServerExchange
{
    // RFC 4616 §2: each of authzid, authcid and passwd is at most 255 octets.
    private const int MaxFieldOctets = 255;

    public string Mechanism => SaslMechanisms.Plain;

    public SaslStep Start(ReadOnlySpan<byte> initialResponse, bool hasInitialResponse)
    {
        if (!hasInitialResponse)
        {
            return SaslStep.Challenging(string.Empty);
        }

        var status = SaslBase64.DecodeInitialResponse(initialResponse, out var message);
        return status == SaslStatus.Completed ? Decode(message) : SaslStep.Fail(status);
    }

    public SaslStep Respond(ReadOnlySpan<byte> responseLine)
    {
        var status = SaslBase64.Decode(responseLine, out var message);
        return status == SaslStatus.Completed ? Decode(message) : SaslStep.Fail(status);
    }

    /// <summary>Parses a decoded PLAIN message.</summary>
    public static SaslStep Decode(ReadOnlySpan<byte> message)
    {
        var first = message.IndexOf((byte)0);
        if (first < 0)
        {
            return SaslStep.Fail(SaslStatus.Malformed);
        }

        var rest = message[(first + 1)..];
        var second = rest.IndexOf((byte)0);
        if (second < 0)
        {
            return SaslStep.Fail(SaslStatus.Malformed);
        }

        var authzid = message[..first];
        var authcid = rest[..second];
        var password = rest[(second + 1)..];
        if (authcid.IsEmpty || password.IsEmpty || password.Contains((byte)0)
            || authzid.Length > MaxFieldOctets || authcid.Length > MaxFieldOctets || password.Length > MaxFieldOctets
            || !SaslBase64.TryGetString(authzid, out var zid)
            || !SaslBase64.TryGetString(authcid, out var cid)
            || !SaslBase64.TryGetString(password, out var pwd))
        {
            return SaslStep.Fail(SaslStatus.Malformed);
        }

        return SaslStep.Done(new SaslCredentials(cid, pwd, zid.Length == 0 ? null : zid));
    }
}
