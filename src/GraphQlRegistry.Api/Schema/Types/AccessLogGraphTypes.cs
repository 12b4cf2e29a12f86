using GraphQL.Types;
using GraphQlRegistry.AccessLog.Chain;
using GraphQlRegistry.AccessLog.Entries;
using GraphQlRegistry.AccessLog.Reading;
using GraphQlRegistry.Api.Auditing;
using GraphQlRegistry.Api.Execution;
using GraphQlRegistry.Api.Flags;

namespace GraphQlRegistry.Api.Schema.Types;

public sealed class AccessLogEntryGraphType : ObjectGraphType<AccessLogEntry>
{
    public AccessLogEntryGraphType()
    {
        Name = "AccessLogEntry";
        Field<NonNullGraphType<LongGraphType>>("sequence").Resolve(c => c.Source.Sequence);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("time").Resolve(c => c.Source.Time);
        Field<NonNullGraphType<StringGraphType>>("requestId").Resolve(c => c.Source.RequestId);
        Field<StringGraphType>("operationName").Resolve(c => c.Source.OperationName);
        Field<StringGraphType>("subject").Resolve(c => c.Source.Subject);
        Field<StringGraphType>("organizationId").Resolve(c => c.Source.OrganizationId);
        Field<OrganizationTypeGraphType>("organizationType").Resolve(c => c.Source.OrganizationType);
        Field<StringGraphType>("grantId").Resolve(c => c.Source.GrantId);
        Field<GrantingAuthorityGraphType>("grantAuthority").Resolve(c => c.Source.GrantAuthority);
        Field<ChannelGraphType>("channel").Resolve(c => c.Source.Channel);
        Field<StringGraphType>("purpose").Resolve(c => c.Source.Purpose);
        Field<StringGraphType>("citizenRef").Resolve(c => c.Source.CitizenRef);
        Field<StringGraphType>("field").Resolve(c => c.Source.Field);
        Field<StringGraphType>("path").Resolve(c => c.Source.Path);
        Field<NonNullGraphType<AccessDecisionGraphType>>("decision").Resolve(c => c.Source.Decision);
        Field<NonNullGraphType<FieldMaskGraphType>>("mask").Resolve(c => c.Source.Mask);
        Field<StringGraphType>("reason").Resolve(c => c.Source.Reason);
        Field<NonNullGraphType<StringGraphType>>("hash").Resolve(c => c.Source.Hash);
        Field<NonNullGraphType<StringGraphType>>("previousHash").Resolve(c => c.Source.PreviousHash);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AccessFlagGraphType>>>>("flags").Resolve(c => FlagsOfRequests.Of(c.RequestContext()).On(c.Source.RequestId));
    }
}

public sealed class AccessLogEdgeGraphType() : EdgeGraphType<AccessLogEntry, AccessLogEntryGraphType>("AccessLogEdge");

public sealed class AccessLogConnectionGraphType() : ConnectionGraphType<AccessLogEntry, AccessLogEntryGraphType, AccessLogEdgeGraphType>("AccessLogConnection");

public sealed class AccessLogFilterGraphType : InputObjectGraphType<AuditFilter>
{
    public AccessLogFilterGraphType()
    {
        Name = "AccessLogFilter";
        Field(f => f.PersonalId, type: typeof(IdGraphType));
        Field(f => f.OrganizationId, nullable: true);
        Field(f => f.OrganizationType, type: typeof(OrganizationTypeGraphType));
        Field(f => f.Field, nullable: true);
        Field(f => f.Decision, type: typeof(AccessDecisionGraphType));
        Field(f => f.From, type: typeof(DateTimeOffsetGraphType));
        Field(f => f.To, type: typeof(DateTimeOffsetGraphType));
    }
}

public sealed class AccessStatsBucketGraphType : ObjectGraphType<AccessStatsBucket>
{
    public AccessStatsBucketGraphType()
    {
        Name = "AccessStatsBucket";
        Field<StringGraphType>("organizationId").Resolve(c => c.Source.OrganizationId);
        Field<OrganizationTypeGraphType>("organizationType").Resolve(c => c.Source.OrganizationType);
        Field<StringGraphType>("field").Resolve(c => c.Source.Field);
        Field<AccessDecisionGraphType>("decision").Resolve(c => c.Source.Decision);
        Field<DateOnlyGraphType>("day").Resolve(c => c.Source.Day);
        Field<NonNullGraphType<LongGraphType>>("count").Resolve(c => c.Source.Count);
    }
}

public sealed class AccessLogVerificationGraphType : ObjectGraphType<ChainVerification>
{
    public AccessLogVerificationGraphType()
    {
        Name = "AccessLogVerification";
        Field<NonNullGraphType<BooleanGraphType>>("ok").Resolve(c => c.Source.Ok);
        Field<NonNullGraphType<LongGraphType>>("entriesChecked").Resolve(c => c.Source.EntriesChecked);
        Field<LongGraphType>("firstBrokenEntry").Resolve(c => c.Source.FirstBrokenSequence);
        Field<StringGraphType>("reason").Resolve(c => c.Source.Break?.ToString());
    }
}

public sealed class AccessHistoryEntryGraphType : ObjectGraphType<AccessHistoryEntry>
{
    public AccessHistoryEntryGraphType()
    {
        Name = "AccessHistoryEntry";
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("time").Resolve(c => c.Source.Entry.Time);
        Field<StringGraphType>("organizationName").Resolve(c => c.Source.OrganizationName);
        Field<OrganizationTypeGraphType>("organizationType").Resolve(c => c.Source.Entry.OrganizationType);
        Field<StringGraphType>("field").Resolve(c => c.Source.Entry.Field);
        Field<NonNullGraphType<AccessDecisionGraphType>>("decision").Resolve(c => c.Source.Entry.Decision);
        Field<StringGraphType>("purpose").Resolve(c => c.Source.Entry.Purpose);
        Field<NonNullGraphType<StringGraphType>>("requestId").Resolve(c => c.Source.Entry.RequestId);
        Field<NonNullGraphType<FieldMaskGraphType>>("mask").Resolve(c => c.Source.Entry.Mask);
        Field<StringGraphType>("grantId").Resolve(c => c.Source.Entry.GrantId);
        Field<GrantingAuthorityGraphType>("grantAuthority").Resolve(c => c.Source.Entry.GrantAuthority);
        Field<ChannelGraphType>("channel").Resolve(c => c.Source.Entry.Channel);
        Field<NonNullGraphType<BooleanGraphType>>("throughRelative").Resolve(c => c.Source.ThroughRelative);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AccessFlagGraphType>>>>("flags").Resolve(c => FlagsOfRequests.Of(c.RequestContext()).On(c.Source.Entry.RequestId));
    }
}

public sealed class AccessHistoryEdgeGraphType() : EdgeGraphType<AccessHistoryEntry, AccessHistoryEntryGraphType>("AccessHistoryEdge");

public sealed class AccessHistoryConnectionGraphType() : ConnectionGraphType<AccessHistoryEntry, AccessHistoryEntryGraphType, AccessHistoryEdgeGraphType>("AccessHistoryConnection");
