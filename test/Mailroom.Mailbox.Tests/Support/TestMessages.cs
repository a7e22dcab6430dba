using System.Text;

namespace Mailroom.Mailboxes.Tests.Support;

/// <summary>Small RFC 5322 messages built in tests; each call with a different subject gives a different body.</summary>
public static class TestMessages
{
    public static byte[] Build(string subject, string from = "Alice Example <alice@contoso.com>", string to = "bob@contoso.com", string body = "Hello.")
    {
        var text = $"From: {from}\r\nTo: {to}\r\nSubject: {subject}\r\nDate: Tue, 01 Jul 2025 10:00:00 +0200\r\n" +
                   $"Message-ID: <{Guid.NewGuid():N}@contoso.com>\r\n\r\n{body}\r\n";
        return Encoding.UTF8.GetBytes(text);
    }

    public static MemoryStream Stream(string subject, string body = "Hello.") => new(Build(subject, body: body));
}
