using GraphQL;
using GraphQL.Types;
using GraphQlRegistry.Api.Auditing;
using GraphQlRegistry.Api.Citizens;
using GraphQlRegistry.Api.Errors;
using GraphQlRegistry.Api.Execution;
using GraphQlRegistry.AccessLog.Reading;

namespace GraphQlRegistry.Api.Schema.Types;

public sealed class QueryGraphType : ObjectGraphType
{
    public QueryGraphType(CitizenQueries citizens, AuditQueries audit)
    {
        Name = "Query";

        Field<CitizenGraphType>("citizen")
            .Argument<NonNullGraphType<IdGraphType>>("personalId")
            .ResolveAsync(async c => await citizens.FindAsync(c, c.GetArgument<string>("personalId")));

        Field<CitizenConnectionGraphType>("citizens")
            .Argument<CitizenFilterGraphType>("where")
            .Argument<ListGraphType<NonNullGraphType<CitizenOrderGraphType>>>("order")
            .Argument<IntGraphType>("first", a => a.DefaultValue = 50)
            .Argument<StringGraphType>("after")
            .ResolveAsync(async c => await citizens.SearchAsync(c, c.GetArgument<CitizenFilter?>("where"), c.GetArgument<List<CitizenOrder>?>("order"),
                c.GetArgument<int>("first"), c.GetArgument<string?>("after")));

        Field<IdentityVerificationGraphType>("verifyIdentity")
            .Argument<NonNullGraphType<IdGraphType>>("personalId")
            .Argument<StringGraphType>("fullName")
            .Argument<DateOnlyGraphType>("dateOfBirth")
            .ResolveAsync(async c => await citizens.VerifyAsync(c, c.GetArgument<string>("personalId"), c.GetArgument<string?>("fullName"), c.GetArgument<DateOnly?>("dateOfBirth")));

        Field<CitizenGraphType>("me")
            .ResolveAsync(async c => await citizens.FindAsync(c, c.RequireDataCaller().OwnPersonalId ?? throw c.Refuse(ErrorCode.QueryNotPermitted)));

        Field<EntitlementsGraphType>("myEntitlements")
            .Resolve(c => c.RequireDataCaller());

        Field<AccessHistoryConnectionGraphType>("myAccessHistory")
            .Argument<IntGraphType>("first", a => a.DefaultValue = 50)
            .Argument<StringGraphType>("after")
            .ResolveAsync(async c => await audit.HistoryAsync(c, c.GetArgument<int>("first"), c.GetArgument<string?>("after")));

        Field<AccessLogConnectionGraphType>("accessLog")
            .Argument<AccessLogFilterGraphType>("where")
            .Argument<IntGraphType>("first", a => a.DefaultValue = 50)
            .Argument<StringGraphType>("after")
            .ResolveAsync(async c => await audit.SearchAsync(c, c.GetArgument<AuditFilter?>("where"), c.GetArgument<int>("first"), c.GetArgument<string?>("after")));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AccessStatsBucketGraphType>>>>("accessStats")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<AccessStatsDimensionGraphType>>>>("groupBy")
            .Argument<AccessLogFilterGraphType>("where")
            .ResolveAsync(async c => await audit.StatsAsync(c, c.GetArgument<List<AccessStatsDimension>>("groupBy"), c.GetArgument<AuditFilter?>("where")));

        Field<NonNullGraphType<AccessLogVerificationGraphType>>("verifyAccessLog")
            .ResolveAsync(async c => await audit.VerifyAsync(c));
    }
}
