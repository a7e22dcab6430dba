using Mailroom.Directory.Model;
using Mailroom.Directory.Policies;
using Mailroom.OPath;

namespace Mailroom.Directory.Tests.Policies;

public class PrecannedFilterTests
{
    [Theory]
    [InlineData(new[] { "MailboxUsers" }, "MailboxUsers")]
    [InlineData(new[] { "mailboxusers" }, "MailboxUsers")]
    [InlineData(new[] { "AllRecipients" }, "AllRecipients")]
    [InlineData(new[] { "allrecipients" }, "AllRecipients")]
    [InlineData(new[] { "MailboxUsers", "MailContacts" }, "MailboxUsers, MailContacts")]
    [InlineData(new[] { "MailboxUsers, mailusers" }, "MailboxUsers, MailUsers")]
    [InlineData(new[] { "MailboxUsers", "MAILBOXUSERS" }, "MailboxUsers")]
    [InlineData(new[] { "Resources", "MailGroups" }, "Resources, MailGroups")]
    public void NormalizesIncludedRecipients(string[] values, string expected) =>
        Assert.Equal(expected, PrecannedFilter.Normalize(values));

    [Theory]
    [InlineData(new string[0], "at least one")]
    [InlineData(new[] { " , " }, "at least one")]
    [InlineData(new[] { "AllRecipients", "MailboxUsers" }, "AllRecipients can't be combined")]
    [InlineData(new[] { "Mailboxes" }, "\"Mailboxes\" isn't a valid")]
    [InlineData(new[] { "MailboxUsers", "Rooms" }, "\"Rooms\" isn't a valid")]
    public void RefusesBadIncludedRecipients(string[] values, string messagePart) =>
        Assert.Contains(messagePart, Assert.Throws<FormatException>(() => PrecannedFilter.Normalize(values)).Message);

    public static TheoryData<string, string[], string[], string> Filters => new()
    {
        { "AllRecipients", [], [], EmailAddressPolicy.DefaultRecipientFilter },
        { "MailboxUsers", [], [], "(RecipientType -eq 'UserMailbox')" },
        { "MailboxUsers", ["Sales"], [], "((RecipientType -eq 'UserMailbox') -and (Department -eq 'Sales'))" },
        { "MailboxUsers", ["Sales", "Marketing"], [], "((RecipientType -eq 'UserMailbox') -and ((Department -eq 'Sales') -or (Department -eq 'Marketing')))" },
        { "MailboxUsers, MailUsers", [], [], "((RecipientType -eq 'UserMailbox') -or (RecipientType -eq 'MailUser'))" },
        { "AllRecipients", ["Sales"], ["O'Neil Ltd"], "((Company -eq 'O''Neil Ltd') -and (Department -eq 'Sales'))" },
        { "Resources", [], [], "((RecipientTypeDetails -eq 'RoomMailbox') -or (RecipientTypeDetails -eq 'EquipmentMailbox'))" },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public void GeneratesTheOPathFilter(string included, string[] departments, string[] companies, string expected)
    {
        var policy = new EmailAddressPolicy { IncludedRecipients = included, ConditionalDepartment = [.. departments], ConditionalCompany = [.. companies] };
        var filter = PrecannedFilter.ToOPath(policy);
        Assert.Equal(expected, filter);
        Assert.Equal(filter, OPathFilter.Parse(filter, RecipientFilterSchema.Schema).Text);
    }

    [Fact]
    public void CustomAttributeConditionsUseTheirNumber()
    {
        var policy = new EmailAddressPolicy { IncludedRecipients = "MailboxUsers" };
        policy.ConditionalCustomAttributes[14].Add("VIP");
        Assert.Equal("((RecipientType -eq 'UserMailbox') -and (CustomAttribute15 -eq 'VIP'))", PrecannedFilter.ToOPath(policy));
    }

    /// <summary>Each value is an exact match: several values of one property OR'ed, properties AND'ed (exchange.md §2.3).</summary>
    [Theory]
    [InlineData("Sales", "Contoso", true)]
    [InlineData("Marketing", "Contoso", true)]
    [InlineData("Sales Europe", "Contoso", false)]
    [InlineData("Sales", "Fabrikam", false)]
    [InlineData(null, "Contoso", false)]
    public void GeneratedFilterMatchesExactValuesOnly(string? department, string company, bool matches)
    {
        var policy = new EmailAddressPolicy { IncludedRecipients = "MailboxUsers", ConditionalDepartment = ["Sales", "Marketing"], ConditionalCompany = ["Contoso"] };
        var filter = OPathFilter.Parse(PrecannedFilter.ToOPath(policy), RecipientFilterSchema.Schema);
        var mailbox = new Mailbox { Alias = "a", Department = department, Company = company };
        Assert.Equal(matches, filter.Evaluate(RecipientFilterSchema.Record(mailbox)));
    }
}
