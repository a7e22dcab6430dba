using System.Net;
using Mailroom.Directory.Connectors;

namespace Mailroom.Directory.Tests.Connectors;

/// <summary>Receive connector bindings: <c>IP:port</c> as Exchange writes them.</summary>
public class IPBindingTests
{
    [Theory]
    [InlineData("0.0.0.0:25", "0.0.0.0:25", true)]
    [InlineData("[::]:25", "[::]:25", true)]
    [InlineData("192.168.1.5:587", "192.168.1.5:587", false)]
    [InlineData(" [2001:DB8::5]:2525 ", "[2001:db8::5]:2525", false)]
    [InlineData("[::ffff:10.0.0.1]:25", "10.0.0.1:25", false)]
    [InlineData("127.0.0.1:65535", "127.0.0.1:65535", false)]
    public void ParsesAndShowsBindings(string text, string shown, bool wildcard)
    {
        Assert.True(IPBinding.TryParse(text, out var binding, out var error), error);
        Assert.Equal(shown, binding!.ToString());
        Assert.Equal(wildcard, binding.IsWildcard);
        Assert.Equal(binding, IPBinding.Parse(shown));
    }

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("0.0.0.0:")]
    [InlineData("0.0.0.0:0")]
    [InlineData("0.0.0.0:65536")]
    [InlineData("0.0.0.0:-1")]
    [InlineData(":::25")]
    [InlineData("2001:db8::1:25")] // without brackets the port can't be told apart
    [InlineData("*:25")]
    [InlineData("mail.contoso.com:25")]
    [InlineData("[10.0.0.1]:25")]
    public void RefusesWhatIsNotABinding(string text)
    {
        Assert.False(IPBinding.TryParse(text, out _, out var error));
        Assert.Contains("isn't a valid binding", error);
    }

    [Theory]
    [InlineData("0.0.0.0:25", "10.0.0.5:25", true)]
    [InlineData("0.0.0.0:25", "[::ffff:10.0.0.5]:25", true)]
    [InlineData("0.0.0.0:25", "[2001:db8::5]:25", false)] // 0.0.0.0 is every IPv4 address only
    [InlineData("[::]:25", "[2001:db8::5]:25", true)]
    [InlineData("[::]:25", "10.0.0.5:25", false)]
    [InlineData("10.0.0.5:25", "10.0.0.5:25", true)]
    [InlineData("10.0.0.5:25", "10.0.0.6:25", false)]
    [InlineData("10.0.0.5:25", "10.0.0.5:587", false)]
    public void MatchesTheLocalEndpointOfAConnection(string binding, string local, bool expected) =>
        Assert.Equal(expected, IPBinding.Parse(binding).Matches(IPEndPoint.Parse(local)));
}
