using Mailroom.Directory.Connectors;
using Mailroom.Directory.Model;

namespace Mailroom.Directory.Tests.Connectors;

/// <summary>Send connector choice: most specific address space, then lowest cost, among the server's (exchange.md §8.2).</summary>
public class SendConnectorRouterTests
{
    private static readonly SendConnector[] Organization =
    [
        Connector("Internet", ["*"], ["EX1", "EX2"]),
        Connector("Internet backup", ["*;5"], ["EX1", "EX2"]),
        Connector("Contoso", ["*.contoso.com;10"], ["EX1"]),
        Connector("Contoso cheap", ["*.contoso.com;2"], ["EX1"]),
        Connector("Sales", ["sales.contoso.com;50"], ["EX1"]),
        Connector("Fabrikam", ["fabrikam.com", "*.fabrikam.net;3"], ["EX2"]),
        Connector("Off", ["offline.example"], ["EX1", "EX2"], enabled: false),
        Connector("Zeta tie", ["tie.example;4"], ["EX1"]),
        Connector("Alpha tie", ["tie.example;4"], ["EX1"]),
    ];

    public static TheoryData<string, string, string?> Cases => new()
    {
        { "example.org", "EX1", "Internet" }, // * at cost 1 beats * at cost 5
        { "contoso.com", "EX1", "Contoso cheap" }, // *.contoso.com covers contoso.com; lower cost wins
        { "mail.contoso.com", "EX1", "Contoso cheap" },
        { "sales.contoso.com", "EX1", "Sales" }, // the exact domain beats the wildcard whatever the cost
        { "eu.sales.contoso.com", "EX1", "Contoso cheap" }, // sales.contoso.com isn't a wildcard
        { "contoso.com", "EX2", "Internet" }, // EX2 isn't a source of the Contoso connectors
        { "fabrikam.com", "EX2", "Fabrikam" },
        { "FABRIKAM.COM.", "EX2", "Fabrikam" },
        { "x.fabrikam.net", "EX2", "Fabrikam" },
        { "fabrikam.com", "EX1", "Internet" },
        { "offline.example", "EX1", "Internet" }, // a disabled connector never carries mail
        { "tie.example", "EX1", "Alpha tie" }, // equal in every way: the name keeps the choice stable
        { "example.org", "EX3", null }, // no connector for this server
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ChoosesTheMostSpecificCheapestConnector(string domain, string server, string? expected) =>
        Assert.Equal(expected, SendConnectorRouter.Select(Organization, domain, server)?.Name);

    [Fact]
    public void WithoutAWildcardConnectorForeignDomainsHaveNoRoute() =>
        Assert.Null(SendConnectorRouter.Select(Organization.Where(c => !c.Name.StartsWith("Internet", StringComparison.Ordinal)), "example.org", "EX1"));

    [Fact]
    public void TheServerNameIsCaseInsensitive() =>
        Assert.Equal("Sales", SendConnectorRouter.Select(Organization, "sales.contoso.com", "ex1")?.Name);

    private static SendConnector Connector(string name, string[] spaces, string[] sources, bool enabled = true) => new()
    {
        Name = name,
        AddressSpaces = spaces.Select(AddressSpace.Parse).ToList(),
        SourceTransportServers = [.. sources],
        Enabled = enabled,
    };
}
