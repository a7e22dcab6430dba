using System.Net;
using Mailroom.Directory.Connectors;
using Mailroom.Directory.Model;

namespace Mailroom.Directory.Tests.Connectors;

/// <summary>Which connector serves a connection: binding, then the most specific remote range (exchange.md §8.1).</summary>
public class ReceiveConnectorSelectorTests
{
    private static readonly ReceiveConnector[] Server =
    [
        Connector("Default Frontend EX1", ["0.0.0.0:25", "[::]:25"], ["::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "0.0.0.0-255.255.255.255"]),
        Connector("Client Frontend EX1", ["0.0.0.0:587", "[::]:587", "0.0.0.0:465"], ["::/0", "0.0.0.0/0"]),
        Connector("Internal relay", ["0.0.0.0:25"], ["10.0.0.0/8"]),
        Connector("Scanner", ["0.0.0.0:25"], ["10.1.1.50"]),
        Connector("Lab network", ["0.0.0.0:25"], ["10.1.1.0/24"]),
        Connector("V6 partner", ["[::]:25"], ["2001:db8:25::/48"]),
        Connector("Dedicated address", ["192.168.0.25:25"], ["0.0.0.0-255.255.255.255"]),
        Connector("Switched off", ["0.0.0.0:25"], ["10.9.9.9"], enabled: false),
    ];

    public static TheoryData<string, string, string?> Cases => new()
    {
        { "10.0.0.1:25", "203.0.113.7:40000", "Default Frontend EX1" },
        { "10.0.0.1:25", "10.20.30.40:40000", "Internal relay" },
        { "10.0.0.1:25", "10.1.1.7:40000", "Lab network" }, // /24 beats /8
        { "10.0.0.1:25", "10.1.1.50:40000", "Scanner" }, // one address beats /24
        { "[::ffff:10.0.0.1]:25", "[::ffff:10.1.1.50]:40000", "Scanner" }, // dual-stack socket, IPv4 client
        { "10.0.0.1:25", "10.9.9.9:40000", "Internal relay" }, // a disabled connector never serves
        { "[2001:db8::1]:25", "[2001:db8:25::9]:40000", "V6 partner" },
        { "[2001:db8::1]:25", "[2001:db8:99::9]:40000", "Default Frontend EX1" },
        { "10.0.0.1:587", "10.1.1.50:40000", "Client Frontend EX1" },
        { "10.0.0.1:465", "198.51.100.1:40000", "Client Frontend EX1" },
        { "[2001:db8::1]:465", "[2001:db8::2]:40000", null }, // bound to IPv4 only on 465
        { "192.168.0.25:25", "10.1.1.50:40000", "Dedicated address" }, // the exact address beats 0.0.0.0
        { "192.168.0.26:25", "10.1.1.50:40000", "Scanner" },
        { "10.0.0.1:2525", "10.1.1.50:40000", null }, // no connector on that port
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ChoosesTheMostSpecificConnector(string local, string remote, string? expected) =>
        Assert.Equal(expected, ReceiveConnectorSelector.Select(Server, IPEndPoint.Parse(local), IPEndPoint.Parse(remote))?.Name);

    [Fact]
    public void NoConnectorsMeansNoConnector() =>
        Assert.Null(ReceiveConnectorSelector.Select([], IPEndPoint.Parse("10.0.0.1:25"), IPEndPoint.Parse("10.0.0.2:1")));

    [Fact]
    public void TheChoiceDoesNotDependOnOrder()
    {
        var local = IPEndPoint.Parse("10.0.0.1:25");
        foreach (var remote in new[] { "10.1.1.50:1", "10.1.1.7:1", "10.2.0.1:1", "203.0.113.7:1" })
        {
            var forward = ReceiveConnectorSelector.Select(Server, local, IPEndPoint.Parse(remote));
            var backward = ReceiveConnectorSelector.Select(Server.Reverse(), local, IPEndPoint.Parse(remote));
            Assert.Same(forward, backward);
        }
    }

    internal static ReceiveConnector Connector(string name, string[] bindings, string[] ranges, bool enabled = true) => new()
    {
        Name = name,
        Server = "EX1",
        Bindings = bindings.Select(IPBinding.Parse).ToList(),
        RemoteIPRanges = ranges.Select(IPRange.Parse).ToList(),
        Enabled = enabled,
    };
}
