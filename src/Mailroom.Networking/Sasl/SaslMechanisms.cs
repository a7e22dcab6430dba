namespace Mailroom.Networking;

/// <summary>The password mechanisms Mailroom offers; everything else is "unrecognized authentication type".</summary>
public static class SaslMechanisms
{
    public const string Plain = "PLAIN";
    public const string Login = "LOGIN";

    /// <summary>In the order advertised.</summary>
    public static IReadOnlyList<string> All { get; } = [Plain, Login];

    /// <summary>A fresh exchange for <paramref name="mechanism"/> (case-insensitive), or null when unsupported.</summary>
    public static ISaslServerExchange? Create(string mechanism) => mechanism.ToUpperInvariant() switch
    {
        Plain => new PlainServerExchange(),
        Login => new LoginServerExchange(),
        _ => null,
    };
}
