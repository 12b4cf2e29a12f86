using System.Text.Encodings.Web;
using BenchmarkDotNet.Attributes;
using GraphQL;
using GraphQL.SystemTextJson;
using GraphQL.Types;
using GraphQlRegistry.Api.Execution;

namespace GraphQlRegistry.Benchmarks;

/// <summary>
/// Writing the KYC answer (8 fields, two addresses, the disclosure terms) with the server's serializer settings. The
/// result is produced once by GraphQL.NET's executor over a schema of the served shape, so what is written is the
/// executor's own result tree, as on the request path.
/// </summary>
[MemoryDiagnoser]
public class KycResponseBenchmarks
{
    private const string KycQuery = "query Kyc($personalId: ID!) { citizen(personalId: $personalId) { personalId fullName dateOfBirth sex nationality placeOfOrigin " +
        "permanentAddress { provinceCode province district commune street } currentAddress { provinceCode province district commune street } } }";

    private readonly GraphQLSerializer _serializer = new(options => options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
    private ExecutionResult _result = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var schema = new Schema { Query = new KycQueryType() };
        schema.Initialize();
        _result = await new DocumentExecuter().ExecuteAsync(new ExecutionOptions
        {
            Schema = schema,
            Query = KycQuery,
            Variables = new Inputs(new Dictionary<string, object?> { ["personalId"] = "079203004567" }),
        });
        _result.Extensions = new Dictionary<string, object?>
        {
            ["disclosure"] = new Dictionary<string, object?>
            {
                ["grantId"] = "grant-demo-credit-institution", ["purpose"] = "KYC onboarding", ["requestId"] = "0123456789abcdef0123456789abcdef", ["terms"] = Disclosure.Terms,
            },
        };
        if (_result.Errors is { Count: > 0 } errors)
        {
            throw new InvalidOperationException(errors[0].Message);
        }
    }

    [Benchmark]
    public Task SerializeKycResponse() => _serializer.WriteAsync(Stream.Null, _result);

    private sealed record Address(string ProvinceCode, string Province, string? District, string? Commune, string? Street);

    private sealed record Citizen(string PersonalId, string FullName, string DateOfBirth, string Sex, string Nationality, string PlaceOfOrigin, Address Permanent, Address Current);

    private sealed class KycQueryType : ObjectGraphType
    {
        private static readonly Citizen Sample = new("079203004567", "Nguyễn Thị Minh Khai", "1990-04-12", "FEMALE", "Việt Nam", "Xã Tân Phú, Huyện Châu Thành, Tỉnh An Giang",
            new Address("89", "Tỉnh An Giang", "Huyện Châu Thành", "Xã Tân Phú", "Số 12, Ấp Phú Hòa"), new Address("79", "Thành phố Hồ Chí Minh", null, null, null));

        public KycQueryType()
        {
            Name = "Query";
            Field<CitizenType>("citizen").Argument<NonNullGraphType<IdGraphType>>("personalId").Resolve(_ => Sample);
        }
    }

    private sealed class CitizenType : ObjectGraphType<Citizen>
    {
        public CitizenType()
        {
            Name = "Citizen";
            Field<IdGraphType>("personalId").Resolve(c => c.Source.PersonalId);
            Field<StringGraphType>("fullName").Resolve(c => c.Source.FullName);
            Field<StringGraphType>("dateOfBirth").Resolve(c => c.Source.DateOfBirth);
            Field<StringGraphType>("sex").Resolve(c => c.Source.Sex);
            Field<StringGraphType>("nationality").Resolve(c => c.Source.Nationality);
            Field<StringGraphType>("placeOfOrigin").Resolve(c => c.Source.PlaceOfOrigin);
            Field<AddressType>("permanentAddress").Resolve(c => c.Source.Permanent);
            Field<AddressType>("currentAddress").Resolve(c => c.Source.Current);
        }
    }

    private sealed class AddressType : ObjectGraphType<Address>
    {
        public AddressType()
        {
            Name = "Address";
            Field<StringGraphType>("provinceCode").Resolve(c => c.Source.ProvinceCode);
            Field<StringGraphType>("province").Resolve(c => c.Source.Province);
            Field<StringGraphType>("district").Resolve(c => c.Source.District);
            Field<StringGraphType>("commune").Resolve(c => c.Source.Commune);
            Field<StringGraphType>("street").Resolve(c => c.Source.Street);
        }
    }
}
