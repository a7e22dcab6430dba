using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Mailroom.Addressing;

namespace Mailroom.Directory.Connectors;

/// <summary>
/// One entry of a send connector's <c>AddressSpaces</c>: <c>[SMTP:]domain[;cost]</c>, shown as Exchange shows it,
/// <c>SMTP:*.contoso.com;1</c>. The domain is <c>*</c> (every domain), <c>*.contoso.com</c> (the domain and its
/// subdomains) or <c>contoso.com</c> (that domain only); the cost is 1 to 100, 1 when left out, lower preferred.
/// </summary>
[JsonConverter(typeof(AddressSpaceJsonConverter))]
public sealed record AddressSpace
{
    public const int MinCost = 1;
    public const int MaxCost = 100;

    private AddressSpace(string address, SmtpDomain? domain, int cost)
    {
        Address = address;
        Domain = domain;
        Cost = cost;
    }

    /// <summary>Exchange's address type; Mailroom routes SMTP only.</summary>
    public string Type => "SMTP";

    /// <summary>The domain as written: <c>*</c>, <c>*.contoso.com</c> or <c>contoso.com</c>.</summary>
    public string Address { get; }

    public int Cost { get; }

    /// <summary>True for <c>*</c>, which matches every domain and is the least specific of all.</summary>
    public bool IsWildcardAll => Domain is null;

    private SmtpDomain? Domain { get; }

    public bool Matches(string domain) => Domain?.Matches(domain.TrimEnd('.')) ?? true;

    /// <summary>
    /// How specifically the space names a domain it matches: <c>*</c> is -1, otherwise the longer the named domain
    /// the more specific, and an exact domain beats the wildcard on the same domain.
    /// </summary>
    public int Specificity => Domain is null ? -1 : Domain.Domain.Length * 2 + (Domain.IncludeSubdomains ? 0 : 1);

    /// <summary>Two entries name the same space when type and domain agree; the cost is a setting of the space.</summary>
    public bool SameSpace(AddressSpace other) => string.Equals(Address, other.Address, StringComparison.OrdinalIgnoreCase);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Type}:{Address};{Cost}");

    public static AddressSpace Parse(string text) =>
        TryParse(text, out var space, out var error) ? space! : throw new FormatException(error);

    public static bool TryParse(string? text, out AddressSpace? space, out string? error)
    {
        space = null;
        text = text?.Trim() ?? string.Empty;
        error = Parse(text, out space);
        if (error is not null)
        {
            error = $"\"{text}\" isn't a valid address space: {error} Use [SMTP:]domain[;cost], such as contoso.com, *.contoso.com, * or SMTP:*.contoso.com;10.";
        }

        return error is null;
    }

    private static string? Parse(string text, out AddressSpace? space)
    {
        space = null;
        var body = text;
        var colon = body.IndexOf(':');
        if (colon >= 0)
        {
            var type = body[..colon].Trim();
            if (!type.Equals("SMTP", StringComparison.OrdinalIgnoreCase))
            {
                return $"the address type \"{type}\" isn't supported; Mailroom routes SMTP address spaces only.";
            }

            body = body[(colon + 1)..];
        }

        var cost = MinCost;
        var semicolon = body.IndexOf(';');
        if (semicolon >= 0)
        {
            if (!int.TryParse(body.AsSpan(semicolon + 1).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out cost) || cost is < MinCost or > MaxCost)
            {
                return $"the cost is a number from {MinCost} to {MaxCost}.";
            }

            body = body[..semicolon];
        }

        body = body.Trim().TrimEnd('.');
        if (body == "*")
        {
            space = new AddressSpace("*", null, cost);
            return null;
        }

        if (body.StartsWith('*') && !body.StartsWith("*.", StringComparison.Ordinal))
        {
            return "a wildcard stands for whole labels: write *.contoso.com, not *contoso.com.";
        }

        if (!SmtpDomain.TryParse(body, allowWildcard: true, out var domain, out var domainError))
        {
            return domainError;
        }

        space = new AddressSpace(domain!.ToString().ToLowerInvariant(), domain, cost);
        return null;
    }
}

/// <summary>Stores and sends an address space in Exchange's text form.</summary>
public sealed class AddressSpaceJsonConverter : JsonConverter<AddressSpace>
{
    public override AddressSpace Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        AddressSpace.Parse(reader.GetString() ?? string.Empty);

    public override void Write(Utf8JsonWriter writer, AddressSpace value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
