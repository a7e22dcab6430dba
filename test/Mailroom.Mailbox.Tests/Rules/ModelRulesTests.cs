using Mailroom.Mailboxes.Blobs;
using Mailroom.Mailboxes.Model;

namespace Mailroom.Mailboxes.Tests.Rules;

/// <summary>Folder names, keywords, UID ranges and blob ids: the small rules the store relies on.</summary>
public class ModelRulesTests
{
    [Theory]
    [InlineData("Inbox")]
    [InlineData("Projects/2026/Q1")]
    [InlineData("Ünïcödé/日本語")]
    [InlineData("with space/and.dots")]
    public void ValidFolderNamesPass(string name) => Assert.Equal(name, FolderNames.Validate(name));

    [Fact]
    public void BrokenFolderNamesFail()
    {
        // Built here: attribute arguments cannot carry a lone surrogate intact.
        foreach (var name in new[] { "a/" + '\ud800' + "b", "new\nline" })
        {
            Assert.Equal(FolderError.InvalidName, Assert.Throws<FolderOperationException>(() => FolderNames.Validate(name)).Reason);
        }
    }

    [Fact]
    public void AncestorsAndContainmentAreCaseInsensitive()
    {
        Assert.Equal(["a", "a/b"], FolderNames.Ancestors("a/b/c"));
        Assert.True(FolderNames.IsSameOrUnder("WORK/projects", "work"));
        Assert.False(FolderNames.IsSameOrUnder("Workshop", "Work"));
    }

    [Fact]
    public void KeywordsAreDeduplicatedCaseInsensitivelyAndSorted()
    {
        Assert.Equal(["$Forwarded", "Work"], Keywords.Normalize(["Work", "$Forwarded", "work", "$forwarded"]));
        Assert.Equal(["a", "b"], Keywords.Split(Keywords.Join(["a", "b"])));
        Assert.Empty(Keywords.Split(string.Empty));
    }

    [Theory]
    [InlineData("")]
    [InlineData("two words")]
    [InlineData("\\Seen")]
    [InlineData("paren(")]
    [InlineData("naïve")]
    public void InvalidKeywordsAreRefused(string keyword) => Assert.Throws<ArgumentException>(() => Keywords.Normalize([keyword]));

    [Fact]
    public void UidRangesAreOneBasedAndOrdered()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new UidRange(0, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new UidRange(5, 4));
        Assert.Equal("7:*", UidRange.From(7).ToString());
        Assert.True(UidRange.All.Contains(uint.MaxValue));
    }

    [Fact]
    public void BlobIdsAreLowercaseSha256Hex()
    {
        Assert.False(BlobId.TryParse(new string('A', 64), out _));
        Assert.False(BlobId.TryParse("abc", out _));
        Assert.Throws<FormatException>(() => BlobId.Parse("../../etc/passwd"));
        var id = BlobId.FromHash(new byte[32]);
        Assert.Equal(new string('0', 64), id.ToString());
        Assert.Equal(id, BlobId.Parse(id.Hex));
    }
}
