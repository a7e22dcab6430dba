using Mailroom.Directory.Management;
using Mailroom.Directory.Tests.Support;

namespace Mailroom.Directory.Tests.Commands;

/// <summary>Mailbox quotas and their ordering (exchange.md §6.1).</summary>
public class SetMailboxQuotaTests
{
    [Fact]
    public async Task QuotasAreSetAndShownAsExchangeShowsThem()
    {
        await using var org = await TestOrganization.CreateAsync();
        await org.NewMailboxAsync("Alice", alias: "alice");
        await org.RunAsync("Set-Mailbox", new
        {
            Identity = "alice", UseDatabaseQuotaDefaults = false, IssueWarningQuota = "9GB", ProhibitSendQuota = "9.5GB", ProhibitSendReceiveQuota = "10GB",
        });
        var alice = await org.MailboxAsync("alice");
        Assert.False(alice.UseDatabaseQuotaDefaults);
        Assert.Equal("9 GB (9,663,676,416 bytes)", alice.IssueWarningQuota.ToString());
        Assert.Equal("9.5 GB (10,200,547,328 bytes)", alice.ProhibitSendQuota.ToString());
        Assert.Equal("10 GB (10,737,418,240 bytes)", alice.ProhibitSendReceiveQuota.ToString());

        await org.RunAsync("Set-Mailbox", new { Identity = "alice", IssueWarningQuota = "Unlimited", ProhibitSendQuota = (string?)null, ProhibitSendReceiveQuota = "unlimited" });
        alice = await org.MailboxAsync("alice");
        Assert.True(alice.IssueWarningQuota.IsUnlimited);
        Assert.True(alice.ProhibitSendQuota.IsUnlimited);
        Assert.True(alice.ProhibitSendReceiveQuota.IsUnlimited);
    }

    [Theory]
    [InlineData("3GB", "1GB", "2GB", "IssueWarningQuota")]
    [InlineData("1GB", "3GB", "2GB", "ProhibitSendQuota")]
    [InlineData("Unlimited", "1GB", "2GB", "IssueWarningQuota")]
    public async Task AQuotaAboveProhibitSendReceiveIsRefusedWithNothingChanged(string warning, string send, string sendReceive, string offender)
    {
        await using var org = await TestOrganization.CreateAsync();
        await org.NewMailboxAsync("Alice", alias: "alice");
        var error = await org.RefusedWithoutChangeAsync("Set-Mailbox", new
        {
            Identity = "alice", Office = "Building 4", IssueWarningQuota = warning, ProhibitSendQuota = send, ProhibitSendReceiveQuota = sendReceive,
        });
        Assert.Equal("QuotaOrderViolation", error.ErrorId);
        Assert.Equal("InvalidArgument", error.Category);
        Assert.Equal(offender, error.TargetObject);
        Assert.Null((await org.MailboxAsync("alice")).Office);
    }

    /// <summary>Mailbox quotas start Unlimited, so a lone send/receive limit puts the Unlimited warning above it.</summary>
    [Fact]
    public async Task ALoneSendReceiveLimitIsRefusedWhileTheOthersAreUnlimited()
    {
        await using var org = await TestOrganization.CreateAsync();
        await org.NewMailboxAsync("Alice", alias: "alice");
        var error = await org.RefusedWithoutChangeAsync("Set-Mailbox", new { Identity = "alice", ProhibitSendReceiveQuota = "10GB" });
        Assert.Equal("QuotaOrderViolation", error.ErrorId);
    }

    [Fact]
    public async Task AWarningAboveTheSendLimitIsAllowed()
    {
        await using var org = await TestOrganization.CreateAsync();
        await org.NewMailboxAsync("Alice", alias: "alice");
        await org.RunAsync("Set-Mailbox", new { Identity = "alice", IssueWarningQuota = "2GB", ProhibitSendQuota = "1GB", ProhibitSendReceiveQuota = "3GB" });
        Assert.Equal("2 GB (2,147,483,648 bytes)", (await org.MailboxAsync("alice")).IssueWarningQuota.ToString());
    }

    [Theory]
    [InlineData("lots")]
    [InlineData("2TB")] // above 1.999999999 TB
    [InlineData("-1GB")]
    public async Task InvalidQuotaValuesAreArgumentErrors(string value)
    {
        await using var org = await TestOrganization.CreateAsync();
        await org.NewMailboxAsync("Alice", alias: "alice");
        var error = await org.RefusedWithoutChangeAsync("Set-Mailbox", new { Identity = "alice", ProhibitSendReceiveQuota = value });
        Assert.Equal("InvalidArgumentException", error.ErrorId);
    }

    [Fact]
    public async Task TheLargestQuotaIsAccepted()
    {
        await using var org = await TestOrganization.CreateAsync();
        await org.NewMailboxAsync("Alice", alias: "alice");
        await org.RunAsync("Set-Mailbox", new { Identity = "alice", IssueWarningQuota = "1TB", ProhibitSendQuota = "1TB", ProhibitSendReceiveQuota = "2199023254528" });
        Assert.Equal(2_199_023_254_528UL, (await org.MailboxAsync("alice")).ProhibitSendReceiveQuota.Value.Bytes);
    }

    [Fact]
    public async Task AnAbsurdlyLargeQuotaIsAnArgumentError()
    {
        await using var org = await TestOrganization.CreateAsync();
        await org.NewMailboxAsync("Alice", alias: "alice");
        var error = await org.RefusedWithoutChangeAsync("Set-Mailbox", new { Identity = "alice", ProhibitSendReceiveQuota = "100000000000000000000000000 TB" });
        Assert.Equal("InvalidArgumentException", error.ErrorId);
    }

    [Fact]
    public async Task ARefusedPasswordChangeLeavesTheOtherChangesUnsaved()
    {
        await using var org = await TestOrganization.CreateAsync();
        await org.NewMailboxAsync("Alice", alias: "alice");
        var error = await org.RefusedWithoutChangeAsync("Set-Mailbox", new { Identity = "alice", DisplayName = "Alice the Great", Password = "short" });
        Assert.Equal("PasswordPolicyViolation", error.ErrorId);
        Assert.IsType<ManagementException>(error);
    }
}
