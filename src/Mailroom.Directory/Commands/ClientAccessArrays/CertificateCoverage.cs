namespace Mailroom.Directory.Commands.ClientAccessArrays;

/// <summary>Whether a certificate name covers a host name: equal, or a wildcard for exactly one left-most label (RFC 6125 §6.4.3).</summary>
public static class CertificateCoverage
{
    public static bool Covers(string certificateName, string host)
    {
        if (certificateName.Equals(host, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (!certificateName.StartsWith("*.", StringComparison.Ordinal))
        {
            return false;
        }

        var dot = host.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && host[(dot + 1)..].Equals(certificateName[2..], StringComparison.OrdinalIgnoreCase);
    }

    public static bool AnyCovers(IEnumerable<string> certificateNames, string host) => certificateNames.Any(n => Covers(n, host));
}
