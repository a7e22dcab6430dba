using System.Buffers;
using System.Text;
using Mailroom.Mailboxes.Indexing;
using Mailroom.Protocols.Imap.Fetch;

namespace Mailroom.Protocols.Imap.Tests.Fetch;

public sealed class EnvelopeWriterTests
{
    [Theory]
    [InlineData(false, "(\"Mon, 1 Jan 2024 10:00:00 +0100\" \"hello\" ((\"Ann\" NIL \"ann\" \"example.com\")) ((\"Ann\" NIL \"ann\" \"example.com\")) ((\"Ann\" NIL \"ann\" \"example.com\")) ((NIL NIL \"bob\" \"example.com\")) NIL NIL NIL NIL)")]
    public void WritesTheEnvelopeOfAnIndexedHeader(bool utf8, string expected)
    {
        var headers = MessageIndexer.Index(Encoding.UTF8.GetBytes(SampleMessages.Simple));
        Assert.Equal(expected, Write(headers.Envelope, utf8));
    }

    [Fact]
    public void EncodesUnicodeNamesForSevenBitClientsAndSendsThemAsIsForUtf8Ones()
    {
        var envelope = MessageEnvelope.Empty with { From = [new EnvelopeAddress("Zoë Zed", null, "zoe", "example.com")], Subject = "plain" };
        var sevenBit = Write(envelope, utf8: false);
        Assert.Contains("((\"=?utf-8?", sevenBit, StringComparison.OrdinalIgnoreCase);
        Assert.True(Ascii.IsValid(sevenBit));
        var decoded = MimeKit.Utils.Rfc2047.DecodePhrase(Encoding.ASCII.GetBytes(sevenBit.Split('"')[3]));
        Assert.Equal("Zoë Zed", decoded);
        Assert.Contains("((\"Zoë Zed\" NIL \"zoe\" \"example.com\"))", Write(envelope, utf8: true));
    }

    [Fact]
    public void GroupsAndMissingFieldsFollowTheRfc()
    {
        var envelope = MessageEnvelope.Empty with
        {
            To = [new EnvelopeAddress(null, null, "team", null), new EnvelopeAddress(null, null, "a", "b.c"), new EnvelopeAddress(null, null, null, null)],
            MessageId = "<id@x>",
        };
        Assert.Equal("(NIL NIL NIL NIL NIL ((NIL NIL \"team\" NIL)(NIL NIL \"a\" \"b.c\")(NIL NIL NIL NIL)) NIL NIL NIL \"<id@x>\")", Write(envelope, false));
    }

    [Fact]
    public void SenderAndReplyToStoredAsFromPrintFromAndOthersPrintThemselves()
    {
        var from = new EnvelopeAddress("Ann", null, "ann", "example.com");
        var envelope = MessageEnvelope.Empty with { From = [from], Sender = [new EnvelopeAddress(null, null, "list", "example.org")], ReplyTo = [from] };
        Assert.Equal(
            "(NIL NIL ((\"Ann\" NIL \"ann\" \"example.com\")) ((NIL NIL \"list\" \"example.org\")) ((\"Ann\" NIL \"ann\" \"example.com\")) NIL NIL NIL NIL NIL)",
            Write(envelope, false));
    }

    [Fact]
    public void NoIndexedEnvelopeIsAllNil()
    {
        var buffer = new ArrayBufferWriter<byte>();
        EnvelopeWriter.Write(buffer, ReadOnlySpan<byte>.Empty, utf8: false);
        Assert.Equal("(NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL)", Encoding.ASCII.GetString(buffer.WrittenSpan));
    }

    private static string Write(MessageEnvelope envelope, bool utf8)
    {
        var buffer = new ArrayBufferWriter<byte>();
        EnvelopeWriter.Write(buffer, envelope, utf8);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
