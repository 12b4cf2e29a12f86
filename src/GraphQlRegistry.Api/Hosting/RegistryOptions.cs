using GraphQlRegistry.Api.Execution.Limits;
using GraphQlRegistry.Data.Storage;

namespace GraphQlRegistry.Api.Hosting;

/// <summary>The <c>Registry</c> configuration section. Exact key names are part of the contract (SPEC §1, §6).</summary>
public sealed class RegistryOptions
{
    public const string Section = "Registry";

    /// <summary>Where the embedded default keeps its SQLite files and development keys; relative to the working directory.</summary>
    public string DataDirectory { get; set; } = "data";

    public DatabaseOptions Database { get; set; } = new();

    public JwtOptions Jwt { get; set; } = new();

    public DemoOptions Demo { get; set; } = new();

    public AccessLogOptions AccessLog { get; set; } = new();

    public LimitOptions Limits { get; set; } = new();

    public SecurityOptions Security { get; set; } = new();

    public IdeOptions Ide { get; set; } = new();

    public CitizenPageOptions CitizenPage { get; set; } = new();

    public sealed class DatabaseOptions
    {
        public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

        /// <summary>
        /// Apply pending migrations to both stores at start-up. On for the embedded default; a PostgreSQL deployment
        /// that migrates as a release step (<c>registry migrate</c>) turns it off, and then start-up refuses a store
        /// that is behind.
        /// </summary>
        public bool MigrateOnStartup { get; set; } = true;
    }

    public sealed class JwtOptions
    {
        public string Issuer { get; set; } = "graphql-registry-dev";

        public string Audience { get; set; } = "graphql-registry";

        /// <summary>HS256 key, at least 32 bytes of UTF-8 text.</summary>
        public string? SigningKey { get; set; }

        /// <summary>An OIDC authority whose JWKS signs tokens in production.</summary>
        public string? Authority { get; set; }

        /// <summary>The longest a token may live (<c>exp − iat</c>, and <c>exp − now</c>); a longer one is refused.</summary>
        public TimeSpan MaxTokenLifetime { get; set; } = TimeSpan.FromHours(24);
    }

    public sealed class DemoOptions
    {
        /// <summary>Seed demo data into an empty database at start-up.</summary>
        public bool Seed { get; set; } = true;

        public int Citizens { get; set; } = 10_000;

        public int RandomSeed { get; set; } = 20210708;
    }

    public sealed class AccessLogOptions
    {
        /// <summary>Key of the HMAC that turns personal ids into pseudonymous references; at least 32 bytes.</summary>
        public string? PseudonymKey { get; set; }

        /// <summary>The log's own store; the registry's provider when unset.</summary>
        public DatabaseProvider? Provider { get; set; }

        public double CommitTimeoutSeconds { get; set; } = 5;

        /// <summary>Where chain heads are published, outside the log's database; by default in the data directory.</summary>
        public string? CheckpointFile { get; set; }

        /// <summary>How often at most a head is published while entries are written (and always on shutdown).</summary>
        public double CheckpointIntervalSeconds { get; set; } = 60;

        /// <summary>How many spans the citizen index's recent level takes before the writer settles it (see <c>docs/access-log.md</c>).</summary>
        public int CitizenIndexBatch { get; set; } = 8192;
    }

    public sealed class SecurityOptions
    {
        /// <summary><c>Full</c>: introspection for every authenticated caller (SPEC §4); <c>Caller</c>: each caller's own view; <c>Off</c>: refused.</summary>
        public IntrospectionMode Introspection { get; set; } = IntrospectionMode.Full;

        /// <summary>Organisation callers may run only the documents they registered (the production posture).</summary>
        public bool RequireTrustedDocuments { get; set; }

        /// <summary>Where registered documents live: one folder per organisation id, one <c>.graphql</c> file per document.</summary>
        public string? TrustedDocumentsDirectory { get; set; }
    }

    public sealed class LimitOptions
    {
        public int MaxDocumentBytes { get; set; } = 65_536;

        /// <summary>How deep fields may nest; the standard introspection query of graphql-js nests 13 deep.</summary>
        public int MaxDepth { get; set; } = 15;

        /// <summary>graphql-armor's default.</summary>
        public int MaxAliases { get; set; } = 15;

        public int MaxDirectivesPerField { get; set; } = 5;

        public int MaxFragmentSpreads { get; set; } = 50;

        /// <summary>The expanded selection's cost: 1 per field, times the page size under a paged field; it bounds the entries one request writes.</summary>
        public long MaxCost { get; set; } = 25_000;

        /// <summary>One per variable value plus the characters of each string.</summary>
        public int MaxVariablesSize { get; set; } = 16_384;

        /// <summary>The errors one response carries at most; the rest are summed up in one last error.</summary>
        public int MaxErrors { get; set; } = 1_000;

        public int RequestsPerSecondPerCaller { get; set; } = 5_000;
    }

    public sealed class IdeOptions
    {
        /// <summary>Serve GraphiQL at <c>GET /graphql</c> to browsers. Unset: on in Development only.</summary>
        public bool? Enabled { get; set; }
    }

    public sealed class CitizenPageOptions
    {
        /// <summary>Serve the citizens' page at <c>/my</c>. On by default: it holds no data, and every read it makes is a logged GraphQL request.</summary>
        public bool Enabled { get; set; } = true;

        /// <summary>Offer sign-in by pasting a token (<c>registry token --citizen ID</c>). Unset: in Development only.</summary>
        public bool? TokenSignIn { get; set; }

        /// <summary>The OIDC client id of the page at <c>Registry:Jwt:Authority</c> (authorization code with PKCE, a public client).</summary>
        public string? ClientId { get; set; }

        /// <summary>The scopes the page asks the authority for.</summary>
        public string Scope { get; set; } = "openid";
    }
}
