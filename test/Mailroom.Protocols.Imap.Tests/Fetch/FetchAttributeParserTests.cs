using Mailroom.Protocols.Imap.Fetch;
using Mailroom.Protocols.Imap.Parsing;
using Mailroom.Protocols.Imap.Tests.Support;

namespace Mailroom.Protocols.Imap.Tests.Fetch;

public sealed class FetchAttributeParserTests
{
    [Theory]
    [InlineData("FLAGS", "FLAGS")]
    [InlineData("ALL", "FLAGS INTERNALDATE RFC822.SIZE ENVELOPE")]
    [InlineData("FAST", "FLAGS INTERNALDATE RFC822.SIZE")]
    [InlineData("full", "FLAGS INTERNALDATE RFC822.SIZE ENVELOPE BODY")]
    [InlineData("(UID FLAGS RFC822.SIZE ENVELOPE)", "UID FLAGS RFC822.SIZE ENVELOPE")]
    [InlineData("(BODY BODYSTRUCTURE MODSEQ EMAILID THREADID)", "BODY BODYSTRUCTURE MODSEQ EMAILID THREADID")]
    [InlineData("(RFC822 RFC822.HEADER RFC822.TEXT INTERNALDATE)", "RFC822 RFC822.HEADER RFC822.TEXT INTERNALDATE")]
    [InlineData("BODY[]", "BODY[]")]
    [InlineData("BODY.PEEK[]", "BODY[]")]
    [InlineData("BODY.PEEK[]<0.100>", "BODY[]<0>")]
    [InlineData("body[1.2.mime]", "BODY[1.2.MIME]")]
    [InlineData("BODY[HEADER]", "BODY[HEADER]")]
    [InlineData("BODY[TEXT]<10.5>", "BODY[TEXT]<10>")]
    [InlineData("BODY[2.HEADER]", "BODY[2.HEADER]")]
    [InlineData("BODY.PEEK[HEADER.FIELDS (From To)]", "BODY[HEADER.FIELDS (From To)]")]
    [InlineData("BODY[1.HEADER.FIELDS.NOT (Subject \"X-Y\")]", "BODY[1.HEADER.FIELDS.NOT (Subject X-Y)]")]
    [InlineData("BINARY[1.2]", "BINARY[1.2]")]
    [InlineData("BINARY.PEEK[1]<0.10>", "BINARY[1]<0>")]
    [InlineData("BINARY.SIZE[1]", "BINARY.SIZE[1]")]
    [InlineData("BINARY[]", "BINARY[]")]
    public void ParsesItemsAndNamesTheirResponses(string arguments, string expected)
    {
        var attributes = FetchAttributeParser.Parse(Tokens.Parse(arguments));
        Assert.Equal(expected, string.Join(' ', attributes.Items.Select(i => i.ResponseName)));
    }

    [Theory]
    [InlineData("FLAGS", false, false, false, false)]
    [InlineData("(UID ENVELOPE)", true, false, false, false)]
    [InlineData("BODY.PEEK[]", false, true, false, false)]
    [InlineData("BODY[]", false, true, false, true)]
    [InlineData("BODY[HEADER]", false, true, false, true)]
    [InlineData("BODY.PEEK[1]", false, true, true, false)]
    [InlineData("BODYSTRUCTURE", false, true, true, false)]
    [InlineData("RFC822.HEADER", false, true, false, false)]
    [InlineData("RFC822", false, true, false, true)]
    [InlineData("RFC822.TEXT", false, true, false, true)]
    [InlineData("BINARY.SIZE[1]", false, true, true, false)]
    public void WorksOutWhatTheCommandNeeds(string arguments, bool headers, bool body, bool structure, bool setsSeen)
    {
        var attributes = FetchAttributeParser.Parse(Tokens.Parse(arguments));
        Assert.Equal((headers, body, structure, setsSeen), (attributes.NeedsEnvelope, attributes.NeedsBody, attributes.NeedsStructure, attributes.SetsSeen));
    }

    [Fact]
    public void ParsesModifiersAndAddsModSeqForChangedSince()
    {
        var attributes = FetchAttributeParser.Parse(Tokens.Parse("(FLAGS) (CHANGEDSINCE 12345 VANISHED)"));
        Assert.Equal(12345UL, attributes.ChangedSince);
        Assert.True(attributes.Vanished);
        Assert.Contains(attributes.Items, i => i.Kind == FetchItemKind.ModSeq);
    }

    [Fact]
    public void KeepsTheHeaderFieldNames()
    {
        var item = Assert.Single(FetchAttributeParser.Parse(Tokens.Parse("BODY.PEEK[HEADER.FIELDS (DATE FROM)]<0.2048>")).Items);
        Assert.True(item.Peek);
        Assert.Equal(new PartialRange(0, 2048), item.Partial);
        Assert.Equal(SectionText.HeaderFields, item.Section!.Text);
        Assert.Equal(["DATE", "FROM"], item.Section.Fields);
    }

    [Theory]
    [InlineData("")]
    [InlineData("()")]
    [InlineData("(ALL)")]
    [InlineData("BOGUS")]
    [InlineData("\"FLAGS\"")]
    [InlineData("BODY[")]
    [InlineData("BODY[0]")]
    [InlineData("BODY[1.]")]
    [InlineData("BODY[01]")]
    [InlineData("BODY[MIME]")]
    [InlineData("BODY[HEADER.FIELDS]")]
    [InlineData("BODY[HEADER.FIELDS ()]")]
    [InlineData("BODY[HEADER.FIELDS (a:b)]")]
    [InlineData("BODY[TEXT]<1>")]
    [InlineData("BODY[TEXT]<1.0>")]
    [InlineData("BODY[TEXT]<1.4294967296>")]
    [InlineData("BODY[TEXT]<-1.2>")]
    [InlineData("BODY[FOO]")]
    [InlineData("BINARY[HEADER]")]
    [InlineData("BINARY.SIZE[1]<0.1>")]
    [InlineData("FLAGS (CHANGEDSINCE)")]
    [InlineData("FLAGS (CHANGEDSINCE -1)")]
    [InlineData("FLAGS (CHANGEDSINCE 99999999999999999999)")]
    [InlineData("FLAGS (FOO)")]
    [InlineData("FLAGS (VANISHED VANISHED)")]
    [InlineData("FLAGS (CHANGEDSINCE 1) EXTRA")]
    [InlineData("FLAGS UID")]
    public void RefusesWhatTheGrammarDoesNotAllow(string arguments) =>
        Assert.Throws<ArgumentSyntaxException>(() => FetchAttributeParser.Parse(Tokens.Parse(arguments)));
}
