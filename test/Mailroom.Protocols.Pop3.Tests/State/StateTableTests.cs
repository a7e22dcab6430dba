using static Mailroom.Protocols.Pop3.Pop3State;
using static Mailroom.Protocols.Pop3.Pop3Verb;

namespace Mailroom.Protocols.Pop3.Tests;

public sealed class StateTableTests
{
    public static TheoryData<Pop3State, Pop3Verb, Pop3State?> Table => new()
    {
        { Authorization, User, UserGiven }, { Authorization, Auth, Transaction }, { Authorization, Capa, Authorization },
        { Authorization, Stls, Authorization }, { Authorization, Quit, Authorization }, { Authorization, Pass, null },
        { Authorization, Stat, null }, { Authorization, Retr, null }, { Authorization, Noop, null },
        { UserGiven, Pass, Transaction }, { UserGiven, User, UserGiven }, { UserGiven, Quit, UserGiven },
        { UserGiven, Stls, null }, { UserGiven, Auth, null }, { UserGiven, List, null },
        { Transaction, Stat, Transaction }, { Transaction, List, Transaction }, { Transaction, Retr, Transaction },
        { Transaction, Dele, Transaction }, { Transaction, Noop, Transaction }, { Transaction, Rset, Transaction },
        { Transaction, Top, Transaction }, { Transaction, Uidl, Transaction }, { Transaction, Capa, Transaction },
        { Transaction, Quit, Update }, { Transaction, User, null }, { Transaction, Pass, null }, { Transaction, Auth, null },
        { Transaction, Stls, null }, { Update, Quit, null },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void EachStateAllowsItsCommands(Pop3State state, Pop3Verb verb, Pop3State? next)
    {
        Assert.Equal(next is not null, Pop3StateTable.TryGetNext(state, verb, out var actual));
        if (next is not null)
        {
            Assert.Equal(next, actual);
        }
    }

    [Fact]
    public void EveryStateIsInTheTableAndNothingAllowsUnknown()
    {
        foreach (var state in Enum.GetValues<Pop3State>())
        {
            Assert.DoesNotContain(Unknown, Pop3StateTable.Allowed(state));
        }
    }

    [Theory]
    [InlineData(Transaction, User, "-ERR Already authenticated")]
    [InlineData(Transaction, Stls, "-ERR Already authenticated")]
    [InlineData(Authorization, Pass, "-ERR Send USER first")]
    [InlineData(Authorization, Retr, "-ERR Command not valid in this state")]
    public void RefusalsSayWhy(Pop3State state, Pop3Verb verb, string expected) =>
        Assert.Equal(expected, Pop3StateTable.Refusal(state, verb).ToString());
}

public sealed class ResponseTests
{
    [Theory]
    [InlineData(true, null, "fine", "+OK fine\r\n")]
    [InlineData(false, "IN-USE", "busy", "-ERR [IN-USE] busy\r\n")]
    [InlineData(true, null, "", "+OK\r\n")]
    public void ResponsesHaveTheirWireForm(bool ok, string? code, string text, string wire)
    {
        var output = new System.Buffers.ArrayBufferWriter<byte>();
        new Pop3Response(ok, code, text).WriteTo(output);
        Assert.Equal(wire, System.Text.Encoding.UTF8.GetString(output.WrittenSpan));
    }

    [Theory]
    [InlineData("x")]
    [InlineData("\u00e9")]
    [InlineData("\u20ac")]
    public void LongResponsesAreCutTo512Octets(string unit)
    {
        var output = new System.Buffers.ArrayBufferWriter<byte>();
        Pop3Response.Err(string.Concat(Enumerable.Repeat(unit, 2000))).WriteTo(output);
        Assert.InRange(output.WrittenCount, 400, 512);
        Assert.EndsWith("\r\n", System.Text.Encoding.UTF8.GetString(output.WrittenSpan));
    }

    [Fact]
    public void UniqueIdsAreUidValidityDotUid() => Assert.Equal("1767225600.42", Pop3UniqueId.Format(1767225600, 42));

    [Theory]
    [InlineData(new uint[] { }, "")]
    [InlineData(new uint[] { 7 }, "7:7")]
    [InlineData(new uint[] { 3, 4, 5, 9, 11, 12 }, "3:5 9:9 11:12")]
    public void DeletionsGoInRunsOfConsecutiveUids(uint[] uids, string runs) =>
        Assert.Equal(runs, string.Join(' ', MaildropUpdate.Runs(uids).Select(r => $"{r.First}:{r.Last}")));
}
