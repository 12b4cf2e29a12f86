using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using GraphQlRegistry.Api.Callers;
using GraphQlRegistry.Api.Errors;
using GraphQlRegistry.Api.Hosting;

namespace GraphQlRegistry.Api.Execution.Limits;

/// <summary>
/// Trusted documents (<c>Registry:Security:RequireTrustedDocuments</c>): an organisation registers the operations it
/// runs, as <c>.graphql</c> files in its own folder of <c>Registry:Security:TrustedDocumentsDirectory</c>; with the
/// setting on, an organisation caller's request runs only if the SHA-256 of its document text is one of them. Citizens,
/// auditors and officers are not held to it. Read once at start-up: registering a document is a deployment.
/// </summary>
public sealed class TrustedDocuments
{
    private readonly bool _required;
    private readonly FrozenDictionary<string, FrozenSet<string>> _byOrganization;

    public TrustedDocuments(RegistrySettings settings)
    {
        var security = settings.Options.Security;
        _required = security.RequireTrustedDocuments;
        var directory = security.TrustedDocumentsDirectory ?? Path.Combine(Path.GetFullPath(settings.Options.DataDirectory), "trusted-documents");
        _byOrganization = (Directory.Exists(directory) ? Directory.GetDirectories(directory) : [])
            .ToFrozenDictionary(
                folder => Path.GetFileName(folder),
                folder => Directory.GetFiles(folder, "*.graphql").Select(file => HashOf(File.ReadAllText(file))).ToFrozenSet(StringComparer.Ordinal),
                StringComparer.Ordinal);
    }

    /// <summary>The refusal for a document this caller may not run; null when it may.</summary>
    public RegistryError? Refusal(Caller caller, string? document)
    {
        if (!_required || caller is not DataCaller { OrganizationId: { } organization })
        {
            return null;
        }

        return document is not null && _byOrganization.TryGetValue(organization, out var registered) && registered.Contains(HashOf(document))
            ? null
            : new RegistryError(ErrorCode.DocumentNotTrusted);
    }

    /// <summary><c>sha256:</c> and the lowercase hex of the document's UTF-8 bytes, as GraphQL's persisted documents name them.</summary>
    public static string HashOf(string document) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(document)));
}
