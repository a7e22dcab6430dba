namespace Mailroom.Networking;

/// <summary>
/// SASL LOGIN (draft-murchison-sasl-login): the server asks "Username:" then "Password:", each answer base64.
/// Clients may send the user name as the initial response.
/// </summary>
public sealed class LoginServerExchange : ISaslServerExchange
{
    /// <summary>base64("Username:") and base64("Password:"), the challenges every client expects.</summary>
    public const string UserNameChallenge = "VXNlcm5hbWU6";
    public const string PasswordChallenge = "UGFzc3dvcmQ6";

    private string? _userName;

    public string Mechanism => SaslMechanisms.Login;

    public SaslStep Start(ReadOnlySpan<byte> initialResponse, bool hasInitialResponse)
    {
        if (!hasInitialResponse)
        {
            return SaslStep.Challenging(UserNameChallenge);
        }

        var status = SaslBase64.DecodeInitialResponse(initialResponse, out var userName);
        return status == SaslStatus.Completed ? AcceptUserName(userName) : SaslStep.Fail(status);
    }

    public SaslStep Respond(ReadOnlySpan<byte> responseLine)
    {
        var status = SaslBase64.Decode(responseLine, out var decoded);
        if (status != SaslStatus.Completed)
        {
            return SaslStep.Fail(status);
        }

        if (_userName is null)
        {
            return AcceptUserName(decoded);
        }

        return decoded.Length > 0 && SaslBase64.TryGetString(decoded, out var password)
            ? SaslStep.Done(new SaslCredentials(_userName, password))
            : SaslStep.Fail(SaslStatus.Malformed);
    }

    private SaslStep AcceptUserName(ReadOnlySpan<byte> decoded)
    {
        if (decoded.IsEmpty || decoded.Contains((byte)0) || !SaslBase64.TryGetString(decoded, out var userName))
        {
            return SaslStep.Fail(SaslStatus.Malformed);
        }

        _userName = userName;
        return SaslStep.Challenging(PasswordChallenge);
    }
}
