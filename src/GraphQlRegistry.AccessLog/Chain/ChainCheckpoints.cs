using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace GraphQlRegistry.AccessLog.Chain;

/// <summary>A chain head as published outside the log's database.</summary>
public sealed record ChainCheckpoint(long Sequence, string Hash, DateTimeOffset Time);

/// <summary>
/// The chain's anchor: heads published to an append-only file outside the log's database
/// (<c>Registry:AccessLog:CheckpointFile</c>), each line keyed with an HMAC. A whole log rewritten with recomputed
/// hashes still verifies as a chain, but no longer passes through these heads; without the key, a line cannot be
/// forged. The file belongs on storage the database administrator cannot rewrite (another host, a WORM volume).
/// </summary>
public sealed class ChainCheckpoints
{
    private readonly string _path;
    private readonly byte[] _key;

    public ChainCheckpoints(string path, string secret)
    {
        _path = path;
        _key = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), "access-log chain checkpoint"u8);
    }

    /// <summary>Appends a head and waits until it is on disk.</summary>
    public void Publish(ChainHead head, DateTimeOffset time)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(_path))!);
        var content = Content(head.Sequence, head.Hash, time.ToUnixTimeMilliseconds());
        using var file = new FileStream(_path, FileMode.Append, FileAccess.Write, FileShare.Read, 4096, FileOptions.WriteThrough);
        file.Write(Encoding.ASCII.GetBytes($"{content} {Mac(content)}\n"));
        file.Flush(flushToDisk: true);
    }

    /// <summary>The published heads whose keyed MAC holds; a line that was edited or forged is not one of them.</summary>
    public IReadOnlyList<ChainCheckpoint> Read()
    {
        if (!File.Exists(_path))
        {
            return [];
        }

        var checkpoints = new List<ChainCheckpoint>();
        foreach (var line in File.ReadLines(_path))
        {
            var parts = line.Split(' ');
            if (parts.Length == 4 && long.TryParse(parts[0], CultureInfo.InvariantCulture, out var sequence)
                && long.TryParse(parts[2], CultureInfo.InvariantCulture, out var time)
                && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Mac(string.Join(' ', parts[..3]))), Encoding.ASCII.GetBytes(parts[3])))
            {
                checkpoints.Add(new ChainCheckpoint(sequence, parts[1], DateTimeOffset.FromUnixTimeMilliseconds(time)));
            }
        }

        return checkpoints;
    }

    private static string Content(long sequence, string hash, long timeUnixMs) =>
        string.Create(CultureInfo.InvariantCulture, $"{sequence} {hash} {timeUnixMs}");

    private string Mac(string content) => Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(content)));
}
