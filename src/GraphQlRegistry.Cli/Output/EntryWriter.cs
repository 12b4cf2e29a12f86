using System.Globalization;
using System.Text;
using System.Text.Json;
using GraphQlRegistry.AccessLog.Entries;

namespace GraphQlRegistry.Cli.Output;

/// <summary>Writes entries one by one as JSON Lines or CSV, with every column of the stored entry (hashes included, so an export can be re-verified).</summary>
public abstract class EntryWriter : IAsyncDisposable
{
    protected static readonly string[] Columns =
    [
        "sequence", "time", "requestId", "operationName", "subject", "organizationId", "organizationType", "grantId", "grantAuthority",
        "channel", "purpose", "citizenRef", "field", "path", "decision", "mask", "reason", "previousHash", "hash",
    ];

    public static EntryWriter For(string format, Stream output) => format switch
    {
        "csv" => new CsvEntryWriter(output),
        _ => new JsonLinesEntryWriter(output),
    };

    public abstract void Write(AccessLogEntry entry);

    public abstract ValueTask DisposeAsync();

    protected static string?[] Values(AccessLogEntry e) =>
    [
        e.Sequence.ToString(CultureInfo.InvariantCulture), e.Time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
        e.RequestId, e.OperationName, e.Subject, e.OrganizationId, NameOf(e.OrganizationType), e.GrantId, NameOf(e.GrantAuthority),
        NameOf(e.Channel), e.Purpose, e.CitizenRef, e.Field, e.Path, Wire.Name(e.Decision), Wire.Name(e.Mask), e.Reason, e.PreviousHash, e.Hash,
    ];

    private static string? NameOf<T>(T? value) where T : struct, Enum => value is null ? null : Wire.Name(value);

    private sealed class JsonLinesEntryWriter(Stream output) : EntryWriter
    {
        private readonly Utf8JsonWriter _json = new(output);

        public override void Write(AccessLogEntry entry)
        {
            var values = Values(entry);
            _json.WriteStartObject();
            _json.WriteNumber(Columns[0], entry.Sequence);
            for (var i = 1; i < Columns.Length; i++)
            {
                if (values[i] is { } value)
                {
                    _json.WriteString(Columns[i], value);
                }
                else
                {
                    _json.WriteNull(Columns[i]);
                }
            }

            _json.WriteEndObject();
            _json.Flush();
            output.WriteByte((byte)'\n');
            _json.Reset();
        }

        public override async ValueTask DisposeAsync()
        {
            await _json.DisposeAsync();
            await output.FlushAsync();
        }
    }

    private sealed class CsvEntryWriter : EntryWriter
    {
        private readonly StreamWriter _text;

        public CsvEntryWriter(Stream output)
        {
            _text = new StreamWriter(output, new UTF8Encoding(false), 1 << 16) { NewLine = "\r\n" };
            _text.WriteLine(string.Join(',', Columns));
        }

        public override void Write(AccessLogEntry entry) => _text.WriteLine(Csv.Row(Values(entry)));

        public override async ValueTask DisposeAsync() => await _text.DisposeAsync();
    }
}
