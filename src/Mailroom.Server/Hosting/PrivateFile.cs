namespace Mailroom.Server.Hosting;

/// <summary>Files only the service user may read: the generated administrator password and the node key.</summary>
public static class PrivateFile
{
    /// <summary>Writes a file that only the owner can read (0600), creating it with that mode so it is never exposed.</summary>
    public static void Write(string path, byte[] content)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        if (File.Exists(path))
        {
            File.Delete(path);
        }

        using var stream = new FileStream(path, options);
        stream.Write(content);
        stream.Flush(flushToDisk: true);
    }
}
