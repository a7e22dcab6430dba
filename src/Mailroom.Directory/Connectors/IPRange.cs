using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mailroom.Directory.Connectors;

/// <summary>
/// One entry of a receive connector's <c>RemoteIPRanges</c>, in Exchange's three forms: a single address
/// (<c>192.168.1.10</c>), a range (<c>192.168.1.10-192.168.1.20</c>) or CIDR (<c>192.168.1.0/24</c>), IPv4 or IPv6.
/// IPv4-mapped IPv6 addresses are stored as IPv4. Two entries are equal when they hold the same addresses,
/// whatever form they were written in.
/// </summary>
[JsonConverter(typeof(IPRangeJsonConverter))]
public sealed class IPRange : IEquatable<IPRange>
{
    /// <summary>Exchange's defaults: every IPv6 and every IPv4 address, in the order Get-ReceiveConnector shows them.</summary>
    public static readonly IReadOnlyList<IPRange> Everything =
        [Parse("::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"), Parse("0.0.0.0-255.255.255.255")];

    private readonly UInt128 lower;
    private readonly UInt128 upper;

    private IPRange(AddressFamily family, UInt128 lower, UInt128 upper, IPRangeFormat format, int? cidrLength)
    {
        AddressFamily = family;
        this.lower = lower;
        this.upper = upper;
        RangeFormat = format;
        CIDRLength = cidrLength;
    }

    public AddressFamily AddressFamily { get; }

    public IPRangeFormat RangeFormat { get; }

    public int? CIDRLength { get; }

    public IPAddress LowerBound => IPAddresses.FromNumber(lower, AddressFamily);

    public IPAddress UpperBound => IPAddresses.FromNumber(upper, AddressFamily);

    /// <summary>How many addresses the range holds, less one; the smaller, the more specific (a single address is 0).</summary>
    public UInt128 Span => upper - lower;

    public bool Contains(IPAddress address)
    {
        address = IPAddresses.Normalize(address);
        if (address.AddressFamily != AddressFamily)
        {
            return false;
        }

        var n = IPAddresses.ToNumber(address);
        return n >= lower && n <= upper;
    }

    public bool Contains(IPRange other) =>
        other.AddressFamily == AddressFamily && other.lower >= lower && other.upper <= upper;

    public override string ToString() => RangeFormat switch
    {
        IPRangeFormat.SingleAddress => LowerBound.ToString(),
        IPRangeFormat.CIDR => string.Create(CultureInfo.InvariantCulture, $"{LowerBound}/{CIDRLength}"),
        _ => $"{LowerBound}-{UpperBound}",
    };

    public bool Equals(IPRange? other) =>
        other is not null && other.AddressFamily == AddressFamily && other.lower == lower && other.upper == upper;

    public override bool Equals(object? obj) => Equals(obj as IPRange);

    public override int GetHashCode() => HashCode.Combine(AddressFamily, lower, upper);

    public static IPRange Parse(string text) =>
        TryParse(text, out var range, out var error) ? range! : throw new FormatException(error);

    public static bool TryParse(string? text, out IPRange? range, out string? error)
    {
        range = null;
        text = text?.Trim() ?? string.Empty;
        error = text.Contains('/') ? ParseCidr(text, out range)
            : text.Contains('-') ? ParseLoHi(text, out range)
            : ParseSingle(text, out range);
        if (error is not null)
        {
            error = $"\"{text}\" isn't a valid IP range: {error} Use a single address (192.168.1.10), a range (192.168.1.10-192.168.1.20) or CIDR (192.168.1.0/24), IPv4 or IPv6.";
        }

        return error is null;
    }

    private static string? ParseSingle(string text, out IPRange? range)
    {
        range = null;
        if (!IPAddresses.TryParse(text, out var address))
        {
            return "it isn't an IP address.";
        }

        var n = IPAddresses.ToNumber(address);
        range = new IPRange(address.AddressFamily, n, n, IPRangeFormat.SingleAddress, null);
        return null;
    }

    private static string? ParseLoHi(string text, out IPRange? range)
    {
        range = null;
        var parts = text.Split('-');
        if (parts.Length != 2 || !IPAddresses.TryParse(parts[0], out var from) || !IPAddresses.TryParse(parts[1], out var to))
        {
            return "a range is two IP addresses joined by a hyphen.";
        }

        if (from.AddressFamily != to.AddressFamily)
        {
            return "both ends of a range must be IPv4, or both IPv6.";
        }

        var (lo, hi) = (IPAddresses.ToNumber(from), IPAddresses.ToNumber(to));
        if (lo > hi)
        {
            return "the first address of a range must not be greater than the last.";
        }

        range = new IPRange(from.AddressFamily, lo, hi, IPRangeFormat.LoHi, null);
        return null;
    }

    private static string? ParseCidr(string text, out IPRange? range)
    {
        range = null;
        var slash = text.IndexOf('/');
        var addressText = text[..slash].Trim();
        if (!IPAddress.TryParse(addressText, out var raw) || !IPAddresses.TryParse(addressText, out var address)
            || !int.TryParse(text.AsSpan(slash + 1).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var length))
        {
            return "CIDR is an IP address, a slash and a prefix length.";
        }

        // ::ffff:10.0.0.0/104 is the IPv4 block 10.0.0.0/8 written in IPv6; a shorter prefix would reach past the
        // mapped block into real IPv6 space, which is never what such an entry means.
        if (raw.IsIPv4MappedToIPv6)
        {
            if (length < 96)
            {
                return "an IPv4-mapped prefix must be at least /96.";
            }

            length -= 96;
        }

        var bits = IPAddresses.BitsOf(address.AddressFamily);
        if (length > bits)
        {
            return $"the prefix length of an {(bits == 32 ? "IPv4" : "IPv6")} address is 0 to {bits}.";
        }

        // A prefix written with host bits set (10.1.2.3/8) means its network, as routers read it.
        var hostBits = bits - length;
        var hostMask = hostBits == 128 ? UInt128.MaxValue : (UInt128.One << hostBits) - 1;
        var network = IPAddresses.ToNumber(address) & ~hostMask;
        range = new IPRange(address.AddressFamily, network, network | hostMask, IPRangeFormat.CIDR, length);
        return null;
    }
}

/// <summary>How an <see cref="IPRange"/> was written, so it is shown back the same way.</summary>
public enum IPRangeFormat
{
    SingleAddress,
    LoHi,
    CIDR,
}

/// <summary>Stores and sends a range in its text form, which <see cref="IPRange.Parse"/> reads back exactly.</summary>
public sealed class IPRangeJsonConverter : JsonConverter<IPRange>
{
    public override IPRange Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        IPRange.Parse(reader.GetString() ?? string.Empty);

    public override void Write(Utf8JsonWriter writer, IPRange value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
