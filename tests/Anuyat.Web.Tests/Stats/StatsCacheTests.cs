using System.Net.Http.Json;
using System.Text.Json;
using Anuyat.Domain.Accounts;
using Anuyat.Infrastructure.Stats;
using Anuyat.Web.Features.Stats;
using Anuyat.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
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
    public async Task StatsApi_WithinTheCacheLifetime_AnswersAsOfTheFirstReadThenCatchesUpInTheBackground(Db db)
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
        var expired = await api.GetFromJsonAsync<StatsResponse>(Query, Json); // answered at once; the new read runs behind it
        await app.Services.GetRequiredService<StatsSliceCache>().WhenRefreshedAsync();
        var renewed = await api.GetFromJsonAsync<StatsResponse>(Query, Json);

        Assert.NotNull(first);
        Assert.Equal(new DateTime(2026, 11, 25, 3, 0, 0, DateTimeKind.Utc), first.ReadAt);
        Assert.Equal((first.Total, first.ReadAt), (cached!.Total, cached.ReadAt));
        Assert.Equal((first.Total, first.ReadAt), (expired!.Total, expired.ReadAt));
        Assert.True(renewed!.Total.Received > first.Total.Received, $"received {first.Total.Received} then {renewed.Total.Received}");
        Assert.Equal(new DateTime(2026, 11, 25, 3, 1, 1, DateTimeKind.Utc), renewed.ReadAt);

        // The renewed figures are the database's own: the same as an uncached read now.
        var direct = await app.WithScopeAsync(sp => sp.GetRequiredService<StatsReader>().ReadFromDatabaseAsync(new StatsFilter(202512, 202611), Today, StatsDimension.District));
        Assert.Equal(direct.Table(StatsDimension.District).Total, renewed.Total);
    }

    [Fact]
    public async Task Cache_ExpiredEntry_IsServedWhileOneBackgroundReadReplacesIt()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 3, 0, 0, TimeSpan.Zero));
        var app = await SharedApps.Get(Db.Sqlite);
        var (old, renewed) = await TwoSlicesAsync(app);
        var cache = NewCache(app, TimeSpan.FromSeconds(60), clock);
        var filter = new StatsFilter(202512, 202611);
        var reads = 0;
        Task<StatsSlice> Get(StatsSlice answer, string tenant = "bma", StatsFilter? f = null, DateOnly? day = null) =>
            cache.GetOrReadAsync(tenant, f ?? filter, day ?? Today, StatsSlice.Detail.District, app.Services, (_, _) => { Interlocked.Increment(ref reads); return Task.FromResult(answer); });

        Assert.Same(old, await Get(old));
        Assert.Same(old, await Get(renewed));
        Assert.Equal(1, reads);

        // Another tenant, filter or day is another question.
        Assert.Same(renewed, await Get(renewed, tenant: "other-city"));
        Assert.Same(renewed, await Get(renewed, f: filter with { District = "1001" }));
        Assert.Same(renewed, await Get(renewed, day: Today.AddDays(1)));
        Assert.Equal(4, reads);

        // Expired: answered at once with the old slice; one read (not one per request) replaces it in the background.
        clock.Advance(TimeSpan.FromSeconds(61));
        var gate = new TaskCompletionSource<StatsSlice>(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = await cache.GetOrReadAsync("bma", filter, Today, StatsSlice.Detail.District, app.Services, (_, _) => { Interlocked.Increment(ref reads); return gate.Task; });
        var second = await Get(renewed);
        Assert.Same(old, first);
        Assert.Same(old, second);
        gate.SetResult(renewed);
        await cache.WhenRefreshedAsync();
        Assert.Equal(5, reads);
        Assert.Same(renewed, await Get(old));
        Assert.Equal(5, reads);

        // Not asked for in twice the lifetime: read again before answering, never an hour-old answer.
        clock.Advance(TimeSpan.FromMinutes(3));
        Assert.Same(old, await Get(old));
        Assert.Equal(6, reads);

        // A lifetime of zero turns the cache off.
        var off = NewCache(app, TimeSpan.Zero, clock);
        await off.GetOrReadAsync("bma", filter, Today, StatsSlice.Detail.District, app.Services, (_, _) => { reads++; return Task.FromResult(old); });
        await off.GetOrReadAsync("bma", filter, Today, StatsSlice.Detail.District, app.Services, (_, _) => { reads++; return Task.FromResult(old); });
        Assert.Equal(8, reads);
    }

    [Fact]
    public async Task Cache_FailedBackgroundRead_KeepsTheOldSliceAndTriesAgainNextTime()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 3, 0, 0, TimeSpan.Zero));
        var app = await SharedApps.Get(Db.Sqlite);
        var (old, renewed) = await TwoSlicesAsync(app);
        var cache = NewCache(app, TimeSpan.FromSeconds(60), clock);
        var filter = new StatsFilter(202512, 202611);
        await cache.GetOrReadAsync("bma", filter, Today, StatsSlice.Detail.District, app.Services, (_, _) => Task.FromResult(old));
        clock.Advance(TimeSpan.FromSeconds(90));

        Assert.Same(old, await cache.GetOrReadAsync("bma", filter, Today, StatsSlice.Detail.District, app.Services, (_, _) => Task.FromException<StatsSlice>(new TimeoutException())));
        await cache.WhenRefreshedAsync();
        Assert.Same(old, await cache.GetOrReadAsync("bma", filter, Today, StatsSlice.Detail.District, app.Services, (_, _) => Task.FromResult(renewed)));
        await cache.WhenRefreshedAsync();

        Assert.Same(renewed, await cache.GetOrReadAsync("bma", filter, Today, StatsSlice.Detail.District, app.Services, (_, _) => Task.FromResult(old)));
    }

    [Fact]
    public async Task Cache_BackgroundRead_RunsForTheTenantOfTheEntry()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 3, 0, 0, TimeSpan.Zero));
        var app = await SharedApps.Get(Db.Sqlite);
        var (old, _) = await TwoSlicesAsync(app);
        var cache = NewCache(app, TimeSpan.FromSeconds(60), clock);
        var filter = new StatsFilter(202512, 202611);
        await cache.GetOrReadAsync("nonthaburi", filter, Today, StatsSlice.Detail.District, app.Services, (_, _) => Task.FromResult(old));
        clock.Advance(TimeSpan.FromSeconds(61));
        string? seen = null;

        await cache.GetOrReadAsync("nonthaburi", filter, Today, StatsSlice.Detail.District, app.Services, (sp, _) =>
        {
            seen = sp.GetRequiredService<Anuyat.Infrastructure.Persistence.ITenantContext>().TenantId;
            return Task.FromResult(old);
        });
        await cache.WhenRefreshedAsync();

        Assert.Equal("nonthaburi", seen);
    }

    [Fact]
    public async Task Cache_ManyDistinctFilters_StaysBoundedAndDropsTheExpiredFirst()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 3, 0, 0, TimeSpan.Zero));
        var app = await SharedApps.Get(Db.Sqlite);
        var (slice, _) = await TwoSlicesAsync(app);
        var cache = NewCache(app, TimeSpan.FromSeconds(60), clock);
        Task<StatsSlice> Get(int i) => cache.GetOrReadAsync("bma", new StatsFilter(202512, 202611, District: i.ToString(System.Globalization.CultureInfo.InvariantCulture)), Today, StatsSlice.Detail.District, app.Services, (_, _) => Task.FromResult(slice));

        for (var i = 0; i < StatsSliceCache.MaximumEntries - 10; i++)
        {
            await Get(i);
        }

        clock.Advance(TimeSpan.FromMinutes(3));
        for (var i = 1_000; i < 1_020; i++)
        {
            await Get(i);
        }

        Assert.Equal(20, cache.Count); // the old ones went when the limit was reached; the new ones stayed
        for (var i = 2_000; i < 2_000 + (StatsSliceCache.MaximumEntries * 2); i++)
        {
            await Get(i);
            Assert.True(cache.Count <= StatsSliceCache.MaximumEntries, $"{cache.Count} entries");
        }
    }

    private static StatsSliceCache NewCache(AnuyatApp app, TimeSpan lifetime, TimeProvider clock) =>
        new(lifetime, clock, app.Services.GetRequiredService<IServiceScopeFactory>(), NullLogger<StatsSliceCache>.Instance);

    private static Task<(StatsSlice, StatsSlice)> TwoSlicesAsync(AnuyatApp app) => app.WithScopeAsync(async sp =>
    {
        var reader = sp.GetRequiredService<StatsReader>();
        var a = await reader.ReadFromDatabaseAsync(new StatsFilter(202512, 202611), Today, StatsDimension.District);
        var b = await reader.ReadFromDatabaseAsync(new StatsFilter(202512, 202611), Today, StatsDimension.District);
        return (a, b);
    });
}
