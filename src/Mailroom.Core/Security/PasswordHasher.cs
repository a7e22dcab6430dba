using System.Security.Cryptography;

namespace Mailroom.Security;

/// <summary>
/// PBKDF2-HMAC-SHA256 password hashes in a self-describing form <c>$pbkdf2-sha256$i=N$salt$hash</c> (base64),
/// so the iteration count can be raised later without breaking stored hashes.
/// </summary>
public static class PasswordHasher
{
    /// <summary>OWASP's 2023 guidance for PBKDF2-HMAC-SHA256 is 600,000; see docs/security.md for the trade-off.</summary>
    public const int DefaultIterations = 210_000;

    private const int SaltBytes = 16;
    private const int HashBytes = 32;
    private const string Scheme = "pbkdf2-sha256";

    public static string Hash(string password, int iterations = DefaultIterations)
    {
        ArgumentNullException.ThrowIfNull(password);
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA256, HashBytes);
        return $"${Scheme}$i={iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }

    public static bool Verify(string password, string stored)
    {
        var parts = stored.Split('$');
        if (parts.Length != 5 || parts[1] != Scheme || !parts[2].StartsWith("i=", StringComparison.Ordinal) ||
            !int.TryParse(parts[2].AsSpan(2), out var iterations) || iterations < 1)
        {
            return false;
        }

        try
        {
            var salt = Convert.FromBase64String(parts[3]);
            var expected = Convert.FromBase64String(parts[4]);
            if (salt.Length < SaltBytes || expected.Length != HashBytes)
            {
                return false;
            }

            var actual = Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA256, expected.Length);
            return CryptographicOperations.FixedTimeEquals(actual, expected);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
