using System.Text;

namespace Mailroom.Protocols.Imap.Tests.Fetch;

/// <summary>Messages with known structure and offsets for the FETCH engine tests.</summary>
public static class SampleMessages
{
    public const string Multipart =
        "From: Ann <ann@example.com>\r\n" +
        "Subject: parts\r\n" +
        "Content-Type: multipart/mixed; boundary=\"BB\"\r\n" +
        "\r\n" +
        "preamble\r\n" +
        "--BB\r\n" +
        "Content-Type: text/plain; charset=utf-8\r\n" +
        "Content-Transfer-Encoding: quoted-printable\r\n" +
        "\r\n" +
        "caf=C3=A9\r\n" +
        "line two\r\n" +
        "--BB\r\n" +
        "Content-Type: application/octet-stream; name=\"a.bin\"\r\n" +
        "Content-Disposition: attachment; filename=\"a.bin\"\r\n" +
        "Content-Transfer-Encoding: base64\r\n" +
        "Content-ID: <part2@example.com>\r\n" +
        "\r\n" +
        "AAEC\r\n" +
        "--BB\r\n" +
        "Content-Type: message/rfc822\r\n" +
        "\r\n" +
        "From: bob@example.com\r\n" +
        "Subject: inner\r\n" +
        "X-Extra: yes\r\n" +
        "\r\n" +
        "inner body\r\n" +
        "--BB--\r\n" +
        "epilogue\r\n";

    public const string Simple =
        "Date: Mon, 1 Jan 2024 10:00:00 +0100\r\n" +
        "From: Ann <ann@example.com>\r\n" +
        "To: bob@example.com\r\n" +
        "Subject: hello\r\n" +
        "\r\n" +
        "Hello Bob,\r\n" +
        "see you.\r\n";

    public static MemoryStream Open(string message) => new(Encoding.UTF8.GetBytes(message), writable: false);
}
