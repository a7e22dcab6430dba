using Mailroom.Security;

namespace Mailroom.Directory.Tests.Security;

public class PasswordHasherTests
{
    // Few iterations keep the table fast; the stored form carries the count, so Verify needs nothing else.
    private const int FastIterations = 1_000;

    [Theory]
    [InlineData("Passw0rd!Admin")]
    [InlineData("")]
    [InlineData("pässwörd with spaces and ünïcode ✓")]
    public void VerifiesTheRightPasswordOnly(string password)
    {
        var stored = PasswordHasher.Hash(password, FastIterations);
        Assert.True(PasswordHasher.Verify(password, stored));
        Assert.False(PasswordHasher.Verify(password + "x", stored));
        Assert.False(PasswordHasher.Verify(password.ToUpperInvariant() == password ? password + " " : password.ToUpperInvariant(), stored));
    }

    [Fact]
    public void DefaultHashNamesSchemeAndIterations()
    {
        var stored = PasswordHasher.Hash("Passw0rd!Admin");
        Assert.StartsWith($"$pbkdf2-sha256$i={PasswordHasher.DefaultIterations}$", stored);
        Assert.Equal(5, stored.Split('$').Length);
        Assert.True(PasswordHasher.Verify("Passw0rd!Admin", stored));
    }

    [Fact]
    public void SaltMakesEachHashDifferent()
    {
        var a = PasswordHasher.Hash("same", FastIterations);
        var b = PasswordHasher.Hash("same", FastIterations);
        Assert.NotEqual(a, b);
        Assert.True(PasswordHasher.Verify("same", a));
        Assert.True(PasswordHasher.Verify("same", b));
    }

    [Fact]
    public void AChangedHashOrSaltNoLongerVerifies()
    {
        var parts = PasswordHasher.Hash("secret", FastIterations).Split('$');
        var otherSalt = Convert.ToBase64String(new byte[16]);
        var otherHash = Convert.ToBase64String(new byte[32]);
        Assert.False(PasswordHasher.Verify("secret", string.Join('$', parts[0], parts[1], parts[2], otherSalt, parts[4])));
        Assert.False(PasswordHasher.Verify("secret", string.Join('$', parts[0], parts[1], parts[2], parts[3], otherHash)));
        Assert.False(PasswordHasher.Verify("secret", string.Join('$', parts[0], parts[1], "i=1001", parts[3], parts[4])));
    }

    [Theory]
    [InlineData("")]
    [InlineData("secret")]
    [InlineData("$pbkdf2-sha256$")]
    [InlineData("$pbkdf2-sha256$i=1000$AAAAAAAAAAAAAAAAAAAAAA==")]
    [InlineData("$pbkdf2-sha256$i=1000$AAAAAAAAAAAAAAAAAAAAAA==$AAAA$extra")]
    [InlineData("$pbkdf2-sha1$i=1000$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAA==")]
    [InlineData("$bcrypt$i=1000$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAA==")]
    [InlineData("$pbkdf2-sha256$1000$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAA==")]
    [InlineData("$pbkdf2-sha256$i=$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAA==")]
    [InlineData("$pbkdf2-sha256$i=abc$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAA==")]
    [InlineData("$pbkdf2-sha256$i=0$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAA==")]
    [InlineData("$pbkdf2-sha256$i=-5$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAA==")]
    [InlineData("$pbkdf2-sha256$i=1000$!!not base64!!$AAAAAAAAAAAAAAAAAAAAAA==")]
    [InlineData("$pbkdf2-sha256$i=1000$AAAAAAAAAAAAAAAAAAAAAA==$!!not base64!!")]
    public void MalformedStoredHashesNeverVerify(string stored) =>
        Assert.False(PasswordHasher.Verify("secret", stored));

    /// <summary>
    /// An empty hash part makes Pbkdf2 derive zero bytes, and FixedTimeEquals of two empty spans is true:
    /// every password "verifies" against such a stored value.
    /// </summary>
    [Theory]
    [InlineData("$pbkdf2-sha256$i=1000$AAAAAAAAAAAAAAAAAAAAAA==$")]
    [InlineData("$pbkdf2-sha256$i=1$$")]
    public void AnEmptyHashPartDoesNotVerify(string stored)
    {
        Assert.False(PasswordHasher.Verify("secret", stored));
        Assert.False(PasswordHasher.Verify("anything at all", stored));
    }
}
