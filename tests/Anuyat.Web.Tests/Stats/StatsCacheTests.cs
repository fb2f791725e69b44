using System.Net.Http.Json;
using System.Text.Json;
using Anuyat.Domain.Accounts;
using Anuyat.Infrastructure.Stats;
using Anuyat.Web.Features.Stats;
using Anuyat.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Anuyat.Web.Tests.Stats;

/// <summary>
/// A dashboard slice is kept for <c>Stats:CacheSeconds</c>: within that time the same question costs no read and shows
/// the same figures with the same "as of"; after it, the figures catch up with every event.
/// </summary>
public sealed class StatsCacheTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly DateOnly Today = new(2026, 11, 25);

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task StatsApi_WithinTheCacheLifetime_AnswersAsOfTheFirstReadThenCatchesUp(Db db)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 3, 0, 0, TimeSpan.Zero));
        await using var app = await AnuyatApp.StartAsync(db, settings: new Dictionary<string, string?> { ["Applications:ClockDutiesWorker"] = "false", ["Stats:CacheSeconds"] = "60" }, clock: clock);
        var from = new DateTime(2026, 6, 1, 2, 0, 0, DateTimeKind.Utc);
        var to = new DateTime(2026, 11, 20, 2, 0, 0, DateTimeKind.Utc);
        await StatsSeed.RunAsync(app, seed: 3, StatsSeed.CatalogOffices, applications: 30, steps: 60, from, to);
        var (api, _) = await TestAccounts.ApiClientAsync(app, Role.Strategy);
        const string Query = "/api/v1/stats?groupBy=district&from=2025-12-01&to=2026-11-30";

        var first = await api.GetFromJsonAsync<StatsResponse>(Query, Json);
        await StatsSeed.RunAsync(app, seed: 4, StatsSeed.CatalogOffices, applications: 20, steps: 0, from, to);
        clock.Advance(TimeSpan.FromSeconds(59));
        var cached = await api.GetFromJsonAsync<StatsResponse>(Query, Json);
        clock.Advance(TimeSpan.FromSeconds(2));
        var renewed = await api.GetFromJsonAsync<StatsResponse>(Query, Json);

        Assert.NotNull(first);
        Assert.Equal(new DateTime(2026, 11, 25, 3, 0, 0, DateTimeKind.Utc), first.ReadAt);
        Assert.Equal((first.Total, first.ReadAt), (cached!.Total, cached.ReadAt));
        Assert.True(renewed!.Total.Received > first.Total.Received, $"received {first.Total.Received} then {renewed.Total.Received}");
        Assert.Equal(new DateTime(2026, 11, 25, 3, 1, 1, DateTimeKind.Utc), renewed.ReadAt);

        // The renewed figures are the database's own: the same as an uncached read now.
        var direct = await app.WithScopeAsync(sp => sp.GetRequiredService<StatsReader>().ReadFromDatabaseAsync(new StatsFilter(202512, 202611), Today, StatsDimension.District));
        Assert.Equal(direct.Table(StatsDimension.District).Total, renewed.Total);
    }

    [Fact]
    public async Task Cache_ExpiredEntry_OneRequestRefreshesWhileTheOthersServeTheOldSlice()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 3, 0, 0, TimeSpan.Zero));
        var app = await SharedApps.Get(Db.Sqlite);
        var (old, renewed) = await app.WithScopeAsync(async sp =>
        {
            var reader = sp.GetRequiredService<StatsReader>();
            var a = await reader.ReadFromDatabaseAsync(new StatsFilter(202512, 202611), Today, StatsDimension.District);
            var b = await reader.ReadFromDatabaseAsync(new StatsFilter(202512, 202611), Today, StatsDimension.District);
            return (a, b);
        });
        var cache = new StatsSliceCache(TimeSpan.FromSeconds(60), clock);
        var filter = new StatsFilter(202512, 202611);
        var reads = 0;

        Assert.Same(old, await cache.GetOrReadAsync("bma", filter, Today, StatsSlice.Detail.District, () => { reads++; return Task.FromResult(old); }));
        Assert.Same(old, await cache.GetOrReadAsync("bma", filter, Today, StatsSlice.Detail.District, () => { reads++; return Task.FromResult(renewed); }));
        Assert.Equal(1, reads);

        // Another tenant, filter or day is another question.
        Assert.Same(renewed, await cache.GetOrReadAsync("other-city", filter, Today, StatsSlice.Detail.District, () => { reads++; return Task.FromResult(renewed); }));
        Assert.Same(renewed, await cache.GetOrReadAsync("bma", filter with { District = "1001" }, Today, StatsSlice.Detail.District, () => { reads++; return Task.FromResult(renewed); }));
        Assert.Same(renewed, await cache.GetOrReadAsync("bma", filter, Today.AddDays(1), StatsSlice.Detail.District, () => { reads++; return Task.FromResult(renewed); }));
        Assert.Equal(4, reads);

        // Expired: the first request reads again; while it reads, others get the old slice, not a read of their own.
        clock.Advance(TimeSpan.FromSeconds(61));
        var gate = new TaskCompletionSource<StatsSlice>(TaskCreationOptions.RunContinuationsAsynchronously);
        var refreshing = cache.GetOrReadAsync("bma", filter, Today, StatsSlice.Detail.District, () => { reads++; return gate.Task; });
        Assert.Same(old, await cache.GetOrReadAsync("bma", filter, Today, StatsSlice.Detail.District, () => { reads++; return Task.FromResult(renewed); }));
        Assert.Equal(5, reads);
        gate.SetResult(renewed);
        Assert.Same(renewed, await refreshing);
        Assert.Same(renewed, await cache.GetOrReadAsync("bma", filter, Today, StatsSlice.Detail.District, () => { reads++; return Task.FromResult(old); }));
        Assert.Equal(5, reads);

        // A lifetime of zero turns the cache off.
        var off = new StatsSliceCache(TimeSpan.Zero, clock);
        await off.GetOrReadAsync("bma", filter, Today, StatsSlice.Detail.District, () => { reads++; return Task.FromResult(old); });
        await off.GetOrReadAsync("bma", filter, Today, StatsSlice.Detail.District, () => { reads++; return Task.FromResult(old); });
        Assert.Equal(7, reads);
    }

    [Fact]
    public async Task Cache_FailedRefresh_LetsTheNextRequestTryAgain()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 3, 0, 0, TimeSpan.Zero));
        var app = await SharedApps.Get(Db.Sqlite);
        var slice = await app.WithScopeAsync(sp => sp.GetRequiredService<StatsReader>().ReadFromDatabaseAsync(new StatsFilter(202512, 202611), Today, StatsDimension.District));
        var cache = new StatsSliceCache(TimeSpan.FromSeconds(60), clock);
        var filter = new StatsFilter(202512, 202611);
        await cache.GetOrReadAsync("bma", filter, Today, StatsSlice.Detail.District, () => Task.FromResult(slice));
        clock.Advance(TimeSpan.FromMinutes(2));

        await Assert.ThrowsAsync<TimeoutException>(() => cache.GetOrReadAsync("bma", filter, Today, StatsSlice.Detail.District, () => Task.FromException<StatsSlice>(new TimeoutException())));
        var reads = 0;
        await cache.GetOrReadAsync("bma", filter, Today, StatsSlice.Detail.District, () => { reads++; return Task.FromResult(slice); });

        Assert.Equal(1, reads);
    }
}
