using System.Collections.Concurrent;
using GraphQlRegistry.Data.Entities;
using GraphQlRegistry.Data.Storage;
using Microsoft.EntityFrameworkCore;

namespace GraphQlRegistry.Api.Callers;

/// <summary>
/// An organisation's stored record and grants, as of a <see cref="LedgerRevision"/>. Every request reads the revision
/// (one row) and reads an organisation's rows again only when it has moved since they were read, so an issue or a
/// revocation written anywhere (a mutation, the CLI, another instance, by hand) bites on the next request, as before.
/// The grants' validity is not cached: the resolver judges it at every request from these rows.
/// </summary>
public sealed class OrganizationRecordCache(IDbContextFactory<RegistryDbContext> contexts, PreparedReads reads)
{
    // Organisations are a few thousand; ids come from signed tokens. The bound only stops a flood of unknown ones.
    private const int MaxOrganizations = 10_000;

    private readonly ConcurrentDictionary<string, OrganizationRecord> _records = new(StringComparer.Ordinal);

    // Compiled once per host (a compiled query is bound to one EF model).
    private readonly Func<RegistryDbContext, string, Task<Organization?>> _organizationById =
        EF.CompileAsyncQuery((RegistryDbContext db, string id) => db.Organizations.AsNoTracking().FirstOrDefault(o => o.Id == id));

    private readonly Func<RegistryDbContext, string, IAsyncEnumerable<Grant>> _grantsOfOrganization =
        EF.CompileAsyncQuery((RegistryDbContext db, string id) => db.Grants.AsNoTracking().Where(g => g.OrganizationId == id));

    /// <summary>The organisation's record and grants as stored now; the record is null for an unknown organisation.</summary>
    public async Task<OrganizationRecord> ReadAsync(string organizationId, CancellationToken cancellationToken)
    {
        // The revision is read before the rows: a change committed in between makes the rows newer than their tag,
        // never older, so the next request reads them again.
        var revision = await ReadRevisionAsync(cancellationToken);
        if (revision is not null && _records.TryGetValue(organizationId, out var cached) && cached.Revision == revision)
        {
            return cached;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var organization = await _organizationById(db, organizationId);
        IReadOnlyList<Grant> grants = organization is null ? [] : await _grantsOfOrganization(db, organizationId).ToListAsync(cancellationToken);
        var record = new OrganizationRecord(revision, organization, grants);
        if (revision is not null)
        {
            if (_records.Count >= MaxOrganizations)
            {
                _records.Clear();
            }

            _records[organizationId] = record;
        }

        return record;
    }

    /// <summary>The ledger's revision; null (nothing is cached) if its row is missing.</summary>
    private Task<long?> ReadRevisionAsync(CancellationToken cancellationToken) => reads.ReadAsync(
        connection => connection.ReadFirstAsync(RegistryDbContext.ReadLedgerRevision, [], row => (long?)row.GetInt64(0), cancellationToken), cancellationToken);
}

/// <summary>An organisation's rows as read at one ledger revision; shared by requests, so never modified.</summary>
public sealed record OrganizationRecord(long? Revision, Organization? Organization, IReadOnlyList<Grant> Grants);
