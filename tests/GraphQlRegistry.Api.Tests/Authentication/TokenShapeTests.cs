using System.Text;
using GraphQlRegistry.Api.Authentication;

namespace GraphQlRegistry.Api.Tests.Authentication;

public sealed class TokenShapeTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);
    private static readonly TimeSpan Day = TimeSpan.FromHours(24);

    private static TokenDefect Check(string json) => TokenShape.Check(Encoding.UTF8.GetBytes(json), Now, Day);

    [Theory]
    [InlineData("""{"sub":"s","exp":1800003600,"iat":1800000000}""", TokenDefect.None)]
    [InlineData("""{"sub":"s","exp":1800003600,"roles":["auditor","x"]}""", TokenDefect.None)]
    [InlineData("""{"sub":"s","sub":"t","exp":1800003600}""", TokenDefect.DuplicateClaim)]
    [InlineData("""{"sub":"s","purpose":{"a":1},"exp":1800003600}""", TokenDefect.ClaimNotAString)]
    [InlineData("""{"sub":"s","unit_code":00101,"exp":1800003600}""", TokenDefect.NotAnObject)]
    [InlineData("""{"sub":"s","unit_code":101,"exp":1800003600}""", TokenDefect.ClaimNotAString)]
    [InlineData("""{"sub":null,"exp":1800003600}""", TokenDefect.ClaimNotAString)]
    [InlineData("""{"exp":1800003600}""", TokenDefect.MissingSubject)]
    [InlineData("""{"sub":"s"}""", TokenDefect.LifetimeTooLong)]
    [InlineData("""{"sub":"s","exp":1800086401,"iat":1800000000}""", TokenDefect.LifetimeTooLong)]
    [InlineData("""{"sub":"s","exp":1800086400,"iat":1800000000}""", TokenDefect.None)]
    [InlineData("""{"sub":"s","exp":1800086431}""", TokenDefect.LifetimeTooLong)]
    [InlineData("""["sub"]""", TokenDefect.NotAnObject)]
    [InlineData("""{"sub":"s",""", TokenDefect.NotAnObject)]
    public void Payload_IsJudged(string json, TokenDefect expected) => Assert.Equal(expected, Check(json));
}
