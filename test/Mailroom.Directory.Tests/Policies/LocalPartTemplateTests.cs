using Mailroom.Addressing;
using Mailroom.Directory.Policies;

namespace Mailroom.Directory.Tests.Policies;

/// <summary>The EAC's precanned formats for Elizabeth Brunner (exchange.md §2.2) and the variables around them.</summary>
public class LocalPartTemplateTests
{
    private static readonly RecipientNames Elizabeth = new("Elizabeth", "Brunner", "M", "Elizabeth Brunner", "ebrunner");

    [Theory]
    [InlineData("%m", "ebrunner")]
    [InlineData("%g.%s", "elizabeth.brunner")]
    [InlineData("%1g%s", "ebrunner")]
    [InlineData("%g%1s", "elizabethb")]
    [InlineData("%s.%g", "brunner.elizabeth")]
    [InlineData("%1s%g", "belizabeth")]
    [InlineData("%s%1g", "brunnere")]
    [InlineData("%2s", "br")]
    [InlineData("%2g.%2s", "el.br")]
    [InlineData("%20g", "elizabeth")]
    [InlineData("%i", "m")]
    [InlineData("%g.%i.%s", "elizabeth.m.brunner")]
    [InlineData("%d", "elizabethbrunner")]
    [InlineData("%G.%S", "elizabeth.brunner")]
    [InlineData("Sales.%g", "sales.elizabeth")]
    [InlineData("%g_%s-2024", "elizabeth_brunner-2024")]
    [InlineData("admin", "admin")]
    public void ExpandsVariables(string format, string expected) =>
        Assert.Equal(expected, LocalPartTemplate.Expand(format, Elizabeth));

    [Theory]
    [InlineData("%r -%g", "Mary Ann", "O'Brien", "mary-ann")]
    [InlineData("%r''%s", "Mary Ann", "O'Brien", "obrien")]
    [InlineData("%s", "Mary Ann", "O'Brien", "o'brien")]
    [InlineData("%r-.%s", "Anna", "Smith-Jones", "smith.jones")]
    [InlineData("%raa%g", "Alana", "Smith", "aln")] // X repeated removes X; the capital A stays
    [InlineData("%rAA%g", "Alana", "Smith", "lana")] // replacement is case-sensitive
    [InlineData("%rss%s", "Anna", "Jones", "jone")]
    [InlineData("%g.%r.-%s", "J.R.", "Smith.Jones", "j.r.smith-jones")] // only variables after %r are changed
    public void ReplacesCharactersInLaterVariables(string format, string first, string last, string expected) =>
        Assert.Equal(expected, LocalPartTemplate.Expand(format, new RecipientNames(first, last, null, first + " " + last, "x")));

    [Theory]
    [InlineData("ALICE", "SMITH", "alice.smith")]
    [InlineData("Anne Marie", "van der Berg", "annemarie.vanderberg")]
    [InlineData("Jean-Luc", "O'Neil", "jean-luc.o'neil")]
    [InlineData("Alice (HR)", "Smith, Jr", "alicehr.smithjr")]
    public void DropsSpacesAndIllegalCharactersAndLowerCases(string first, string last, string expected) =>
        Assert.Equal(expected, LocalPartTemplate.Expand("%g.%s", new RecipientNames(first, last, null, null, "x")));

    /// <summary>
    /// Clean() strips accents by decomposing to FormD and dropping the marks, but the solution builds with
    /// InvariantGlobalization=true (Directory.Build.props), where string.Normalize does not decompose
    /// non-ASCII letters: the accented letter is dropped whole.
    /// </summary>
    [Theory]
    [InlineData("Élodie", "Müller", "elodie.muller")]
    [InlineData("François", "Hôpital", "francois.hopital")]
    [InlineData("José", "Ñúñez", "jose.nunez")]
    [InlineData("Zoë", "Åström", "zoe.astrom")]
    public void StripsAccents(string first, string last, string expected) =>
        Assert.Equal(expected, LocalPartTemplate.Expand("%g.%s", new RecipientNames(first, last, null, null, "x")));

    [Theory]
    [InlineData("%g..%s", "Alice", "Smith", "alice.smith")]
    [InlineData("%g.%s", null, "Smith", "smith")]
    [InlineData("%g.%s", "Alice", null, "alice")]
    [InlineData("%g.%i.%s", "Alice", "Smith", "alice.smith")]
    [InlineData("%g.%s", "J.", "Smith", "j.smith")]
    [InlineData("%g.%s", ".Alice.", "..Smith", "alice.smith")]
    [InlineData(".%g.", "Alice", null, "alice")]
    [InlineData("%g.%s", null, null, "")]
    [InlineData("%g", "李", null, "")]
    public void CollapsesAndTrimsDots(string format, string? first, string? last, string expected) =>
        Assert.Equal(expected, LocalPartTemplate.Expand(format, new RecipientNames(first, last, null, null, "x")));

    [Fact]
    public void CutsTheResultTo64CharactersWithoutATrailingDot()
    {
        var first = new string('a', 63);
        var result = LocalPartTemplate.Expand("%g.%s", new RecipientNames(first, "smith", null, null, "x"));
        Assert.Equal(first, result);
        Assert.True(SmtpAddress.IsValidLocalPart(result));
        Assert.Equal(64, LocalPartTemplate.Expand("%g", new RecipientNames(new string('b', 100), null, null, null, "x")).Length);
    }

    [Theory]
    [InlineData("%x", 1)]
    [InlineData("%g.%x", 4)]
    [InlineData("%", 1)]
    [InlineData("%g%", 3)]
    [InlineData("%%", 1)]
    [InlineData("%q", 1)]
    [InlineData("%2i", 1)]
    [InlineData("%2d", 1)]
    [InlineData("%2m", 1)]
    [InlineData("%0g", 1)]
    [InlineData("%3", 1)]
    [InlineData("%2r..", 1)]
    public void InvalidVariablesNameTheirPosition(string format, int position)
    {
        var error = Assert.Throws<FormatException>(() => LocalPartTemplate.Validate(format));
        Assert.Contains($"position {position}", error.Message);
        Assert.Throws<FormatException>(() => LocalPartTemplate.Expand(format, Elizabeth));
    }

    [Theory]
    [InlineData("%r")]
    [InlineData("%ra")]
    [InlineData("%g%r")]
    [InlineData("a b")]
    [InlineData("%g(%s)")]
    [InlineData("al@ice")]
    [InlineData("é%g")]
    [InlineData("%g,%s")]
    public void InvalidFormatsAreRefused(string format) =>
        Assert.Throws<FormatException>(() => LocalPartTemplate.Validate(format));

    [Theory]
    [InlineData("%m")]
    [InlineData("%g.%s")]
    [InlineData("%1g%s")]
    [InlineData("%rab%g")]
    [InlineData("first.last")]
    public void ValidFormatsPassValidation(string format)
    {
        var exception = Record.Exception(() => LocalPartTemplate.Validate(format));
        Assert.Null(exception);
    }

    [Theory]
    [InlineData("%99999999999g")]
    [InlineData("%2147483648s")]
    public void AHugeCountIsAFormatError(string format) =>
        Assert.Throws<FormatException>(() => LocalPartTemplate.Validate(format));

    /// <summary>
    /// %1s of a surname that starts with a character outside the BMP (𠮷, U+20BB7, as in the Japanese surname 𠮷田)
    /// cuts the surrogate pair in half. Today the lone surrogate is simply dropped; this guards the accent-stripping
    /// fix, since a real Unicode normalization throws on a lone surrogate.
    /// </summary>
    [Theory]
    [InlineData("%1s", null, "𠮷田", "")]
    [InlineData("%1g.%s", "𠮷", "Smith", "smith")]
    [InlineData("%2g", "😀x", null, "")]
    public void CuttingANameInsideASurrogatePairDoesNotThrow(string format, string? first, string? last, string expected) =>
        Assert.Equal(expected, LocalPartTemplate.Expand(format, new RecipientNames(first, last, null, null, "x")));
}
