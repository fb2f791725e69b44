using System.Reflection;
using NetArchTest.Rules;

namespace Anuyat.Architecture.Tests;

/// <summary>Web → Infrastructure → Domain, and the Domain stays pure (docs/architecture.md).</summary>
public sealed class DependencyTests
{
    private static readonly Assembly Domain = typeof(Anuyat.Domain.Common.DomainError).Assembly;
    private static readonly Assembly Infrastructure = typeof(Anuyat.Infrastructure.Persistence.AnuyatDbContext).Assembly;

    [Theory]
    [InlineData("Microsoft.EntityFrameworkCore")]
    [InlineData("Microsoft.AspNetCore")]
    [InlineData("Anuyat.Infrastructure")]
    [InlineData("Anuyat.Web")]
    [InlineData("Npgsql")]
    public void Domain_DoesNotDependOn(string forbidden)
    {
        var result = Types.InAssembly(Domain).ShouldNot().HaveDependencyOn(forbidden).GetResult();

        Assert.True(result.IsSuccessful, $"Domain types depend on {forbidden}: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void Infrastructure_DoesNotDependOnWeb()
    {
        var result = Types.InAssembly(Infrastructure).ShouldNot().HaveDependencyOn("Anuyat.Web").GetResult();

        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Domain_DoesNotReadTheClock()
    {
        // DateTime.Now/UtcNow would make rules untestable; time is passed in.
        var result = Types.InAssembly(Domain).ShouldNot().HaveDependencyOn("System.TimeProvider").GetResult();

        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void TheRuleCanFail_InfrastructureIsSeenToDependOnEntityFramework()
    {
        // Proves the checks above can fail: the same rule applied where the dependency exists reports it.
        var result = Types.InAssembly(Infrastructure).ShouldNot().HaveDependencyOn("Microsoft.EntityFrameworkCore").GetResult();

        Assert.False(result.IsSuccessful);
    }
}
