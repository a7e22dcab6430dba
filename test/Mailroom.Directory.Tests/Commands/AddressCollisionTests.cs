using Mailroom.Addressing;
using Mailroom.Directory.Tests.Support;

namespace Mailroom.Directory.Tests.Commands;

/// <summary>The numeric suffix that resolves an address collision must still give a valid address.</summary>
public class AddressCollisionTests
{
    private static readonly string LongFirstName = new('a', 64);

    [Fact]
    public async Task ACollisionOnAShortLocalPartGetsTheNextNumber()
    {
        await using var org = await TestOrganization.CreateAsync();
        await org.RunAsync("New-EmailAddressPolicy", new { Name = "First names", IncludedRecipients = "MailboxUsers", EnabledEmailAddressTemplates = new[] { "SMTP:%g@contoso.com" } });
        Assert.Equal("alice@contoso.com", (await org.NewMailboxAsync("Alice Smith", "Alice", "Smith", "asmith")).PrimarySmtpAddress);
        Assert.Equal("alice2@contoso.com", (await org.NewMailboxAsync("Alice Jones", "Alice", "Jones", "ajones")).PrimarySmtpAddress);
        Assert.Equal("alice3@contoso.com", (await org.NewMailboxAsync("Alice Brown", "Alice", "Brown", "abrown")).PrimarySmtpAddress);

        // A freed address is reused by the next recipient that needs it.
        await org.RunAsync("Remove-Mailbox", new { Identity = "ajones" });
        Assert.Equal("alice2@contoso.com", (await org.NewMailboxAsync("Alice White", "Alice", "White", "awhite")).PrimarySmtpAddress);
    }

    /// <summary>
    /// The template expands to 64 characters (the RFC 5321 maximum); the collision suffix makes it 65, which
    /// ProxyAddress.Parse then refuses when the mailbox's directory keys are computed.
    /// </summary>
    [Fact]
    public async Task ASuffixedLocalPartStaysWithin64Characters()
    {
        await using var org = await TestOrganization.CreateAsync();
        await org.RunAsync("New-EmailAddressPolicy", new { Name = "First names", IncludedRecipients = "MailboxUsers", EnabledEmailAddressTemplates = new[] { "SMTP:%g@contoso.com" } });
        var first = await org.NewMailboxAsync("Long One", LongFirstName, "One", "longone");
        Assert.Equal(LongFirstName + "@contoso.com", first.PrimarySmtpAddress);

        var second = await org.NewMailboxAsync("Long Two", LongFirstName, "Two", "longtwo");
        Assert.NotEqual(first.PrimarySmtpAddress, second.PrimarySmtpAddress, StringComparer.OrdinalIgnoreCase);
        Assert.True(SmtpAddress.TryParse(second.PrimarySmtpAddress, out _), second.PrimarySmtpAddress);
    }
}
