using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Mailroom.Transport.Intake;

namespace Mailroom.Transport.Tests.Intake;

public sealed class HeaderSummaryTests
{
    [Theory]
    [InlineData("Message-ID: <a@b>\r\n", 0, "<a@b>")]
    [InlineData("message-id:\r\n <folded@b>\r\n", 0, "<folded@b>")]
    [InlineData("Received: x\r\nRECEIVED: y\r\nX-Received: z\r\n", 2, null)]
    [InlineData("Message-ID:   \r\n", 0, null)]
    [InlineData("no colon line\r\n: empty name\r\n", 0, null)]
    [InlineData("", 0, null)]
    public void CountsReceivedAndFindsTheMessageId(string headers, int received, string? messageId)
    {
        var summary = HeaderSummary.Parse(Encoding.ASCII.GetBytes(headers), complete: true);
        Assert.Equal(received, summary.ReceivedCount);
        Assert.Equal(messageId, summary.MessageId);
    }

    [Property(MaxTest = 500)]
    public Property NeverThrowsOnRandomBytes() =>
        Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), bytes => HeaderSummary.Parse(bytes ?? [], complete: false).ReceivedCount >= 0);
}
