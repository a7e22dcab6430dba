using System.Text;
using System.Xml;

namespace Mailroom.Web.Autodiscover;

/// <summary>Writes an XML document as UTF-8 text, declared <c>encoding="utf-8"</c> (what clients expect and what is sent).</summary>
internal static class Utf8Xml
{
    private static readonly UTF8Encoding NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public static string Write(Action<XmlWriter> body)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Indent = true, Encoding = NoBom }))
        {
            writer.WriteStartDocument();
            body(writer);
            writer.WriteEndDocument();
        }

        return NoBom.GetString(stream.ToArray());
    }
}
