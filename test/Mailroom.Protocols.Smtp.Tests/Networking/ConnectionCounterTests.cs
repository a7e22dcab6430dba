using System.Net;
using Mailroom.Networking;

namespace Mailroom.Protocols.Smtp.Tests;

public sealed class ConnectionCounterTests
{
    private static readonly IPAddress Client = IPAddress.Parse("192.0.2.7");

    [Fact]
    public void Refuses_past_the_limit_and_frees_slots_on_dispose()
    {
        var counter = new ConnectionCounter();
        var first = counter.TryAcquire(Client, 2);
        var second = counter.TryAcquire(Client, 2);
        Assert.NotNull(first);
        Assert.NotNull(second);
        Assert.Null(counter.TryAcquire(Client, 2));
        first!.Dispose();
        first.Dispose();
        Assert.Equal(1, counter.GetCount(Client));
        Assert.NotNull(counter.TryAcquire(Client, 2));
    }

    [Fact]
    public void Counts_ipv4_mapped_addresses_as_ipv4()
    {
        var counter = new ConnectionCounter();
        Assert.NotNull(counter.TryAcquire(Client.MapToIPv6(), 1));
        Assert.Null(counter.TryAcquire(Client, 1));
    }

    [Fact]
    public void Scopes_and_addresses_are_independent()
    {
        var counter = new ConnectionCounter();
        Assert.NotNull(counter.TryAcquire(Client, 1, "Default Frontend"));
        Assert.NotNull(counter.TryAcquire(Client, 1, "Client Frontend"));
        Assert.NotNull(counter.TryAcquire(IPAddress.Parse("192.0.2.8"), 1, "Default Frontend"));
        Assert.Null(counter.TryAcquire(Client, 1, "Default Frontend"));
    }

    [Fact]
    public void Zero_means_no_limit()
    {
        var counter = new ConnectionCounter();
        for (var i = 0; i < 100; i++)
        {
            Assert.NotNull(counter.TryAcquire(Client, 0));
        }

        Assert.Equal(100, counter.GetCount(Client));
    }
}
