using System.Buffers;
using System.Text;
using Mailroom.Protocols.Imap.Fetch;
using Mailroom.Protocols.Imap.Tests.Support;

namespace Mailroom.Protocols.Imap.Tests.Fetch;

public sealed class SectionExtractorTests
{
    [Theory]
    [InlineData("BODY[HEADER]", "From: Ann <ann@example.com>\r\nSubject: parts\r\nContent-Type: multipart/mixed; boundary=\"BB\"\r\n\r\n")]
    [InlineData("BODY[HEADER.FIELDS (subject X-NONE)]", "Subject: parts\r\n\r\n")]
    [InlineData("BODY[HEADER.FIELDS.NOT (Content-Type Subject)]", "From: Ann <ann@example.com>\r\n\r\n")]
    [InlineData("BODY[1]", "caf=C3=A9\r\nline two")]
    [InlineData("BODY[1]<4.5>", "C3=A9")]
    [InlineData("BODY[1]<400.5>", "")]
    [InlineData("BODY[1.MIME]", "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n")]
    [InlineData("BODY[2]", "AAEC")]
    [InlineData("BODY[3]", "From: bob@example.com\r\nSubject: inner\r\nX-Extra: yes\r\n\r\ninner body")]
    [InlineData("BODY[3.HEADER]", "From: bob@example.com\r\nSubject: inner\r\nX-Extra: yes\r\n\r\n")]
    [InlineData("BODY[3.HEADER.FIELDS (X-EXTRA)]", "X-Extra: yes\r\n\r\n")]
    [InlineData("BODY[3.TEXT]", "inner body")]
    [InlineData("BODY[3.1]", "inner body")]
    [InlineData("BINARY[1]", "café\r\nline two")]
    [InlineData("BINARY[1]<0.3>", "caf")]
    [InlineData("BINARY[2]", "\0\u0001\u0002")]
    public async Task CutsSectionsFromAMultipartMessage(string attribute, string expected)
    {
        var text = await ExtractAsync(SampleMessages.Multipart, attribute);
        Assert.Equal(expected, text);
    }

    [Theory]
    [InlineData("BODY[4]")]
    [InlineData("BODY[1.1]")]
    [InlineData("BODY[1.HEADER]")]
    [InlineData("BINARY[9]")]
    public async Task MissingPartsAreNil(string attribute) => Assert.Null(await ExtractAsync(SampleMessages.Multipart, attribute));

    [Theory]
    [InlineData("BODY[]", SampleMessages.Simple)]
    [InlineData("RFC822", SampleMessages.Simple)]
    [InlineData("BODY[TEXT]", "Hello Bob,\r\nsee you.\r\n")]
    [InlineData("RFC822.TEXT", "Hello Bob,\r\nsee you.\r\n")]
    [InlineData("BODY[1]", "Hello Bob,\r\nsee you.\r\n")]
    [InlineData("BODY[1.MIME]", "Date: Mon, 1 Jan 2024 10:00:00 +0100\r\nFrom: Ann <ann@example.com>\r\nTo: bob@example.com\r\nSubject: hello\r\n\r\n")]
    [InlineData("BODY[]<6.3>", "Mon")]
    [InlineData("RFC822.HEADER", "Date: Mon, 1 Jan 2024 10:00:00 +0100\r\nFrom: Ann <ann@example.com>\r\nTo: bob@example.com\r\nSubject: hello\r\n\r\n")]
    public async Task CutsSectionsFromASinglePartMessage(string attribute, string expected) =>
        Assert.Equal(expected, await ExtractAsync(SampleMessages.Simple, attribute));

    [Theory]
    [InlineData("Subject: x\r\n\r\nbody", 14)]
    [InlineData("Subject: x\n\nbody", 12)]
    [InlineData("\r\nbody", 2)]
    [InlineData("Subject: no body", 16)]
    public async Task FindsTheEndOfTheHeader(string message, long expected)
    {
        Assert.Equal(expected, await HeaderEnd.FindAsync(SampleMessages.Open(message), CancellationToken.None));
        Assert.Equal(expected, HeaderEnd.Find(Encoding.UTF8.GetBytes(message)));
    }

    [Fact]
    public async Task FindsTheEndOfALongHeaderAcrossChunks()
    {
        var header = string.Concat(Enumerable.Range(0, 2000).Select(i => $"X-Header-{i}: {i}\r\n"));
        var message = header + "\r\nbody";
        Assert.Equal(header.Length + 2, await HeaderEnd.FindAsync(SampleMessages.Open(message), CancellationToken.None));
    }

    [Fact]
    public async Task WritesBodyStructureWithExtensionData()
    {
        var structure = await MessageStructure.ParseAsync(SampleMessages.Open(SampleMessages.Multipart), CancellationToken.None);
        var buffer = new ArrayBufferWriter<byte>();
        BodyStructureWriter.Write(buffer, structure, extensible: true, utf8: false);
        var text = Encoding.ASCII.GetString(buffer.WrittenSpan);
        Assert.Equal(
            "((\"text\" \"plain\" (\"charset\" \"utf-8\") NIL NIL \"QUOTED-PRINTABLE\" 19 2 NIL NIL NIL NIL)" +
            "(\"application\" \"octet-stream\" (\"name\" \"a.bin\") \"<part2@example.com>\" NIL \"BASE64\" 4 NIL (\"attachment\" (\"filename\" \"a.bin\")) NIL NIL)" +
            "(\"message\" \"rfc822\" NIL NIL NIL \"7BIT\" 65 (NIL \"inner\" ((NIL NIL \"bob\" \"example.com\")) ((NIL NIL \"bob\" \"example.com\")) ((NIL NIL \"bob\" \"example.com\")) NIL NIL NIL NIL NIL) " +
            "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7BIT\" 10 1 NIL NIL NIL NIL) 5 NIL NIL NIL NIL)" +
            " \"mixed\" (\"boundary\" \"BB\") NIL NIL NIL)",
            text);
    }

    [Fact]
    public async Task WritesTheNonExtensibleBody()
    {
        var structure = await MessageStructure.ParseAsync(SampleMessages.Open(SampleMessages.Simple), CancellationToken.None);
        var buffer = new ArrayBufferWriter<byte>();
        BodyStructureWriter.Write(buffer, structure, extensible: false, utf8: false);
        Assert.Equal("(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7BIT\" 22 2)", Encoding.ASCII.GetString(buffer.WrittenSpan));
    }

    [Fact]
    public async Task UnknownTransferEncodingIsRefusedForBinary()
    {
        const string message = "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Transfer-Encoding: x-weird\r\n\r\nzz\r\n--b--\r\n";
        await Assert.ThrowsAsync<UnknownTransferEncodingException>(() => ExtractAsync(message, "BINARY[1]"));
    }

    private static async Task<string?> ExtractAsync(string message, string attribute)
    {
        var item = Assert.Single(FetchAttributeParser.Parse(Tokens.Parse(attribute)).Items);
        var stream = SampleMessages.Open(message);
        var structure = new FetchAttributes([item]).NeedsStructure ? await MessageStructure.ParseAsync(stream, CancellationToken.None) : null;
        var content = await SectionExtractor.ExtractAsync(stream, structure, item, CancellationToken.None);
        return content.IsNil ? null : Encoding.UTF8.GetString(await content.ToArrayAsync());
    }
}
