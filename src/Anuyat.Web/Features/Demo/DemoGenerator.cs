using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Anuyat.Domain.Accounts;
using Anuyat.Domain.Applications;
using Anuyat.Domain.Calendar;
using Anuyat.Domain.Catalog;
using Anuyat.Domain.Organisation;
using Anuyat.Infrastructure.Accounts;
using Anuyat.Infrastructure.Demo;
using Anuyat.Infrastructure.Persistence;
using Anuyat.Web.Features.Applications;
using Microsoft.EntityFrameworkCore;

namespace Anuyat.Web.Features.Demo;

/// <summary>What <c>demo generate</c> made.</summary>
public sealed record DemoResult(int Applications, int Citizens, int Extensions, IReadOnlyDictionary<ApplicationStatus, int> ByStatus, TimeSpan Elapsed);

/// <summary>
/// <c>demo generate --applications N [--seed S]</c>: realistic synthetic applications for demos, dashboards and
/// benchmarks. Every row is built through the real lifecycle (<see cref="PermitApplication"/>'s own methods, so four
/// eyes, the one deficiency record and the extension limits hold), then written in bulk around the change tracker.
/// <list type="bullet">
/// <item>Same seed, same rows: each application draws from its own stream (seed, index) and the window is fixed
/// (fiscal years 2567–2569, 2023-10-01 … 2026-09-30, unless <c>--until</c> moves its end).</item>
/// <item>Marked synthetic: <see cref="PermitApplication.IsSynthetic"/> on every application; citizens get addresses
/// under <c>demo.anuyat.invalid</c> (a reserved name that can never receive mail). References come from the real
/// counters, so a real file filed afterwards continues the numbering without a clash.</item>
/// <item>No audit events: a million generated events would bury the real tamper-evident chain and make
/// <c>audit verify</c> meaningless; a synthetic file's timeline is read from its own dates (<see cref="SyntheticTimeline"/>).</item>
/// </list>
/// </summary>
public sealed class DemoGenerator(AnuyatDbContext db, ServiceCatalog catalog, IServiceDirectory directory, BusinessCalendar calendar, ApplicationClock clock, TimeProvider time)
{
    public const string EmailDomain = "demo.anuyat.invalid";

    public static readonly DateOnly DefaultStart = new(2023, 10, 1);
    public static readonly DateOnly DefaultEnd = new(2026, 9, 30);

    private const int Chunk = 20_000;

    // Bangkok has no daylight saving: local office time is UTC+7 all year.
    private static readonly TimeSpan BangkokOffset = TimeSpan.FromHours(7);

    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.BasicLatin, UnicodeRanges.Thai) };

    /// <summary>How often each service is asked for, per 100 files, and in which months it peaks.</summary>
    private static readonly Dictionary<string, (double Weight, int[] PeakMonths, double Peak, double Deficiency, double Refusal)> Profiles = new(StringComparer.Ordinal)
    {
        ["commercial-registration-new"] = (14, [], 1, 0.08, 0.02),
        ["commercial-registration-change"] = (9, [], 1, 0.06, 0.02),
        ["commercial-registration-cancel"] = (5, [12, 1], 1.3, 0.04, 0.01),
        ["elderly-allowance"] = (12, [10, 11], 2.5, 0.10, 0.05),
        ["disability-allowance"] = (4, [], 1, 0.15, 0.08),
        ["bulky-waste"] = (10, [12, 1, 4], 1.4, 0.02, 0.02),
        ["tree-trimming"] = (7, [5, 6, 7, 8, 9, 10], 1.6, 0.03, 0.04),
        ["septic-grease-pumping"] = (5, [], 1, 0.03, 0.02),
        ["food-premises"] = (8, [], 1, 0.20, 0.05),
        ["loudspeaker-permit"] = (6, [11, 12, 1, 2, 3, 4], 1.4, 0.05, 0.04),
        ["building-permit-k1"] = (8, [11, 12, 1, 2, 3, 4], 1.3, 0.30, 0.06),
        ["building-notification-39bis"] = (3, [11, 12, 1, 2, 3, 4], 1.3, 0.20, 0.04),
        ["excavation-filling-notification"] = (2, [], 1, 0.15, 0.05),
        ["curb-cut"] = (3, [], 1, 0.12, 0.06),
    };

    /// <summary>Fewer files in Songkran and the new-year holidays, more when the fiscal year starts.</summary>
    private static readonly double[] MonthFactor = [0.9, 1.0, 1.05, 0.7, 1.0, 1.0, 0.95, 0.95, 1.0, 1.1, 1.15, 0.8];

    /// <summary>
    /// Generates <paramref name="count"/> applications. Writes citizens, then reserves each district-year's block of
    /// running numbers in one short transaction, then writes the applications in chunks.
    /// </summary>
    /// <param name="from">The window's first day (default <see cref="DefaultStart"/>); the training sandbox uses the last weeks, so many files are still open.</param>
    /// <param name="pilotOnly">Only the pilot districts (the sandbox: where the demo staff work).</param>
    public async Task<DemoResult> GenerateAsync(int count, long seed, DateOnly? until = null, TextWriter? progress = null, DateOnly? from = null, bool pilotOnly = false, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var started = time.GetTimestamp();
        var start = from ?? DefaultStart;
        var end = until ?? DefaultEnd;
        if (end <= start.AddDays(30))
        {
            throw new ArgumentOutOfRangeException(nameof(until), $"--until must be after {start.AddDays(30):yyyy-MM-dd}");
        }

        var districts = await db.Districts.AsNoTracking().Where(d => !pilotOnly || d.Pilot).OrderBy(d => d.Code).ToListAsync(cancellationToken);
        var services = catalog.Codes.Order(StringComparer.Ordinal).Select(code => new ServiceModel(code, catalog.Versions(code), Profiles.GetValueOrDefault(code, (3, [], 1, 0.1, 0.04)))).ToList();
        if (districts.Count == 0 || services.Count == 0)
        {
            throw new InvalidOperationException("no districts or services: the reference data and catalog must be loaded first");
        }

        var model = new WorldModel(seed, districts, services, start, end, calendar);
        var citizens = Math.Max(1, count / 3);
        var firstCitizen = CitizenEmail(seed, 0).ToUpperInvariant();
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == firstCitizen, cancellationToken))
        {
            throw new InvalidOperationException($"seed {seed} was already generated in this database; use another --seed");
        }

        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var applications = BulkTables.ForEntity<PermitApplication>(db);
        var extensions = BulkTables.ForOwnedCollection<PermitApplication, DeadlineExtension>(db);
        await using var load = await SqliteBulkLoad.BeginAsync(db, [BulkTables.ForEntity<Account>(db).Name, applications.Name, extensions.Name], count, cancellationToken);
        await WriteCitizensAsync(seed, citizens, cancellationToken);
        progress?.WriteLine($"demo: {citizens} citizens written after {time.GetElapsedTime(started).TotalSeconds:F1} s");

        // Pass 1: how many files each district opens in each Buddhist year, to reserve their running numbers at once.
        var perKey = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var key = model.CounterKey(i, count);
            perKey[key] = perKey.GetValueOrDefault(key) + 1;
        }

        var next = await ReserveNumbersAsync(perKey, cancellationToken);

        var byStatus = new Dictionary<ApplicationStatus, int>();
        var extensionCount = 0;
        var batch = new List<PermitApplication>(Chunk);
        var extensionRows = new List<(Guid, DeadlineExtension)>();
        var asOfEnd = ToUtc(end, 17.0);
        var building = TimeSpan.Zero;
        var writing = TimeSpan.Zero;
        for (var i = 0; i < count; i++)
        {
            var cpu = Environment.CpuUsage.TotalTime;
            var application = Build(model, i, count, citizens, next, asOfEnd);
            building += Environment.CpuUsage.TotalTime - cpu;
            batch.Add(application);
            byStatus[application.Status] = byStatus.GetValueOrDefault(application.Status) + 1;
            foreach (var extension in application.Extensions)
            {
                extensionRows.Add((application.Id, extension));
            }

            if (batch.Count == Chunk || i == count - 1)
            {
                var writeStart = Environment.CpuUsage.TotalTime;
                await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
                {
                    await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                    await BulkInsert.WriteAsync(db, applications, batch, cancellationToken);
                    await BulkInsert.WriteAsync(db, extensions, extensionRows, cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                });
                writing += Environment.CpuUsage.TotalTime - writeStart;
                extensionCount += extensionRows.Count;
                batch.Clear();
                extensionRows.Clear();
                if ((i + 1) % 100_000 == 0 || i == count - 1)
                {
                    progress?.WriteLine($"demo: {i + 1} applications written after {time.GetElapsedTime(started).TotalSeconds:F1} s (processor: building {building.TotalSeconds:F1} s, writing {writing.TotalSeconds:F1} s)");
                }
            }
        }

        if (load is { DroppedIndexes: > 0 })
        {
            await load.DisposeAsync();
            progress?.WriteLine($"demo: {load.DroppedIndexes} indexes built again after {time.GetElapsedTime(started).TotalSeconds:F1} s");
        }

        return new DemoResult(count, citizens, extensionCount, byStatus, time.GetElapsedTime(started));
    }

    /// <summary>The generator with the app's services (<c>demo generate</c> and the training sandbox).</summary>
    public static DemoGenerator Create(IServiceProvider services) => new(
        services.GetRequiredService<AnuyatDbContext>(),
        services.GetRequiredService<Catalog.CatalogStore>().Catalog,
        services.GetRequiredService<IServiceDirectory>(),
        services.GetRequiredService<BusinessCalendar>(),
        services.GetRequiredService<ApplicationClock>(),
        services.GetRequiredService<TimeProvider>());

    public static string CitizenEmail(long seed, int index) => string.Create(CultureInfo.InvariantCulture, $"citizen-{seed}-{index:D7}@{EmailDomain}");

    /// <summary>The account id of a generated citizen, so the benchmark can find one that has files.</summary>
    public static Guid CitizenId(long seed, int index) => DemoRandom.For(seed, "citizen-id", index).TimeOrderedGuid(DefaultStart.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));

    private async Task WriteCitizensAsync(long seed, int citizens, CancellationToken cancellationToken)
    {
        var table = BulkTables.ForEntity<Account>(db);
        var created = DefaultStart.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var batch = new List<Account>(Chunk);
        for (var k = 0; k < citizens; k++)
        {
            var random = DemoRandom.For(seed, "citizen", k);
            var person = DemoPeople.Make(ref random);
            var email = CitizenEmail(seed, k);
            batch.Add(new Account
            {
                Id = CitizenId(seed, k),
                UserName = email,
                NormalizedUserName = email.ToUpperInvariant(),
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true,
                // No password: a generated citizen can never sign in with one.
                SecurityStamp = random.NextULong().ToString("X16", CultureInfo.InvariantCulture),
                ConcurrencyStamp = random.NextULong().ToString("X16", CultureInfo.InvariantCulture),
                PhoneNumber = person.Phone,
                LockoutEnabled = true,
                DisplayName = person.FullName,
                Role = Role.Citizen,
                PreferredLanguage = random.Chance(0.9) ? "th" : "en",
                CreatedAt = created,
            });
            if (batch.Count == Chunk || k == citizens - 1)
            {
                await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
                {
                    await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                    await BulkInsert.WriteAsync(db, table, batch, cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                });
                batch.Clear();
            }
        }
    }

    /// <summary>
    /// Takes each district-year's block of numbers from the real counters in one short transaction (the same upsert
    /// <see cref="Counters"/> uses, by n instead of 1), so a real application filed during or after generation gets
    /// the next free number. A failed generation leaves a gap in the numbering, never a duplicate.
    /// </summary>
    private async Task<Dictionary<string, long>> ReserveNumbersAsync(Dictionary<string, int> perKey, CancellationToken cancellationToken)
    {
        var first = new Dictionary<string, long>(StringComparer.Ordinal);
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            first.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var (key, n) in perKey.OrderBy(k => k.Key, StringComparer.Ordinal))
            {
                var last = (await db.Database.SqlQuery<long>($"INSERT INTO counters (tenant_id, \"Key\", \"Value\") VALUES ({db.TenantId}, {key}, {(long)n}) ON CONFLICT (tenant_id, \"Key\") DO UPDATE SET \"Value\" = counters.\"Value\" + {(long)n} RETURNING \"Value\"").ToListAsync(cancellationToken))[0];
                first[key] = last - n + 1;
            }

            await transaction.CommitAsync(cancellationToken);
        });
        return first;
    }

    private PermitApplication Build(WorldModel model, int index, int count, int citizens, Dictionary<string, long> next, DateTime asOfEnd)
    {
        var random = DemoRandom.For(model.Seed, "application", index);
        var district = model.Districts[random.Weighted(model.DistrictWeights)];
        var (day, hour) = model.OpenedAt(index, count);
        var created = ToUtc(day, hour);
        var service = model.Services[random.Weighted(model.ServiceWeights[day.Month - 1])];
        var definition = service.Versions.LastOrDefault(v => v.EffectiveFrom <= day) ?? service.Versions[0];
        var inForce = model.InForce(definition, directory);
        var online = catalog.Rollout.IsOpen(service.Code, district.District.Code, day) && random.Chance(0.8);
        // The first files each bring a new citizen, so every generated citizen has at least one; later files are
        // spread at random, as people come back for other services.
        var drawn = random.Next(citizens);
        var citizen = index < citizens ? index : drawn;
        var citizenRandom = DemoRandom.For(model.Seed, "citizen", citizen);
        var person = DemoPeople.Make(ref citizenRandom);
        var applicantId = CitizenId(model.Seed, citizen);
        var office = model.Staff(district.District.Code, definition.Section);

        var key = ApplicationReference.CounterKey(district.District.Code, ApplicationReference.BuddhistYearOf(day));
        var number = next[key];
        next[key] = number + 1;
        var reference = new ApplicationReference(district.District.Code, ApplicationReference.BuddhistYearOf(day), number);
        var application = PermitApplication.Open(
            random.TimeOrderedGuid(created), reference, definition.Code, definition.Version, definition.Section,
            applicantId, online ? applicantId : office.Counter, online ? Channel.Online : Channel.Counter,
            Answers(ref random, service.Code, district, person), created).MarkSynthetic();

        Live(application, ref random, service, inForce, district, office, created, online, asOfEnd);
        var asOf = application.DecidedAt ?? application.ClosedAt ?? asOfEnd;
        application.RecordLegalDeadline(clock.Read(application, inForce, ApplicationClock.BangkokDate(asOf))?.Deadline);
        return application;
    }

    /// <summary>
    /// Walks the file through its life until the end of the window: submission, the completeness check (maybe one
    /// deficiency record, answered or lapsed), review (maybe extended), recommendation, decision, payment; or an early
    /// withdrawal. Each step's delay scales with the service's legal time and the district's own speed.
    /// </summary>
    private void Live(PermitApplication a, ref DemoRandom random, ServiceModel service, ServiceInForce inForce, DistrictModel district, StaffIds office, DateTime created, bool online, DateTime asOf)
    {
        // Business days the manual allows; ข.1 counts 45 calendar days, about 32 business days.
        var legal = Math.Max(1, inForce.LegalDeadlineDays);
        var speed = district.Speed * random.LogNormal(0.25);
        if (random.Chance(0.02))
        {
            return; // A draft the applicant never sent.
        }

        var now = online ? created.AddMinutes(5 + (120 * random.NextDouble())) : created.AddMinutes(10);
        if (now > asOf || !a.Submit(now).IsSuccess)
        {
            return;
        }

        var withdrawAt = random.Chance(0.03) ? AfterBusinessDays(now, legal * random.NextDouble() * 1.2, ref random) : DateTime.MaxValue;
        var next = AfterBusinessDays(now, 0.15 * legal * speed * random.LogNormal(0.6), ref random);
        if (random.Chance(service.Profile.Deficiency * Math.Sqrt(speed)))
        {
            if (Stop(a, next, withdrawAt, asOf))
            {
                return;
            }

            var issued = ApplicationClock.BangkokDate(next);
            var items = service.ChecklistOf(inForce);
            List<string> missing = items.Count == 0 ? ["form"] : [.. new[] { random.Pick(items), random.Pick(items) }.Distinct(StringComparer.Ordinal)];
            var due = issued.AddDays(legal >= 15 ? 30 : 15);
            a.RecordDeficiency(missing, "ขอเอกสารเพิ่มเติมตามรายการ (ข้อมูลสาธิต)", due, issued, office.Officer, next);
            if (random.Chance(0.85))
            {
                next = AfterBusinessDays(next, 1 + (random.NextDouble() * 10), ref random);
                if (Stop(a, next, withdrawAt, asOf))
                {
                    return;
                }

                a.Resubmit(next);
                next = AfterBusinessDays(next, 0.1 * legal * speed * random.LogNormal(0.5), ref random);
            }
            else
            {
                var lapse = ToUtc(due.AddDays(1), 9.0 + random.NextDouble());
                if (lapse <= asOf && lapse < withdrawAt)
                {
                    a.Lapse(due.AddDays(1), lapse);
                }
                else if (withdrawAt <= asOf)
                {
                    a.Withdraw(withdrawAt);
                }

                return;
            }
        }

        if (Stop(a, next, withdrawAt, asOf))
        {
            return;
        }

        a.Accept(next);
        a.AssignTo(office.Officer, next);
        var review = 0.6 * legal * speed * random.LogNormal(0.5);
        var acceptedAt = next;
        if (review > legal * 0.9 && inForce.Extensions.MaxCount > 0 && random.Chance(0.6))
        {
            var extended = AfterBusinessDays(acceptedAt, legal * 0.8, ref random);
            if (extended <= asOf && extended < withdrawAt)
            {
                a.Extend("งานตรวจแบบมีปริมาณมาก (ข้อมูลสาธิต)", inForce.Extensions, office.Approver, extended);
                if (review > legal + inForce.Extensions.DaysEach && inForce.Extensions.MaxCount > 1)
                {
                    var again = AfterBusinessDays(acceptedAt, legal + (inForce.Extensions.DaysEach * 0.8), ref random);
                    if (again <= asOf && again < withdrawAt)
                    {
                        a.Extend("รอความเห็นของหน่วยงานอื่น (ข้อมูลสาธิต)", inForce.Extensions, office.Approver, again);
                    }
                }
            }
        }

        next = AfterBusinessDays(acceptedAt, review, ref random);
        if (Stop(a, next, withdrawAt, asOf))
        {
            return;
        }

        var refuse = random.Chance(service.Profile.Refusal);
        a.Recommend(refuse ? RecommendationOutcome.Refuse : RecommendationOutcome.Approve, refuse ? "ไม่เป็นไปตามหลักเกณฑ์ (ข้อมูลสาธิต)" : "เห็นควรอนุญาต", office.Officer, next);
        next = AfterBusinessDays(next, 0.5 + random.NextDouble() * 2 * speed, ref random);
        if (next > asOf)
        {
            return;
        }

        // An approval whose fee was paid is shown as issued; one decided in the last days still waits for payment.
        var feeDue = inForce.ChargesFee && (asOf - next).TotalDays < 10 && random.Chance(0.7);
        a.Decide(refuse ? DecisionOutcome.Refused : DecisionOutcome.Approved, refuse ? "ไม่เป็นไปตามหลักเกณฑ์ของกฎหมาย (ข้อมูลสาธิต)" : string.Empty, feeDue, office.Approver, next);
    }

    /// <summary>True when the file stops before this step: the window ended, or the applicant withdrew first.</summary>
    private static bool Stop(PermitApplication a, DateTime step, DateTime withdrawAt, DateTime asOf)
    {
        if (withdrawAt < step && withdrawAt <= asOf)
        {
            a.Withdraw(withdrawAt);
            return true;
        }

        return step > asOf;
    }

    private DateTime AfterBusinessDays(DateTime utc, double businessDays, ref DemoRandom random)
    {
        var whole = (int)Math.Floor(businessDays);
        var day = calendar.AddBusinessDays(ApplicationClock.BangkokDate(utc), whole);
        var result = ToUtc(day, 8.5 + (random.NextDouble() * 8));
        return result > utc ? result : utc.AddMinutes(15 + (random.NextDouble() * 240));
    }

    private static DateTime ToUtc(DateOnly bangkokDay, double hour) =>
        DateTime.SpecifyKind(bangkokDay.ToDateTime(TimeOnly.MinValue).AddHours(hour) - BangkokOffset, DateTimeKind.Utc);

    private static string Answers(ref DemoRandom random, string service, DistrictModel district, DemoPeople.Person person)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            json.WriteStartObject();
            if (service == "building-permit-k1")
            {
                json.WriteString("applicantType", "person");
                json.WriteString("requestType", random.Chance(0.8) ? "construct" : random.Chance(0.7) ? "modify" : "demolish");
            }

            json.WriteStartObject("applicant");
            json.WriteString("nationalId", person.NationalId);
            json.WriteString("firstName", person.FirstName);
            json.WriteString("lastName", person.LastName);
            json.WriteString("phone", person.Phone);
            json.WriteEndObject();
            json.WriteStartObject("site");
            json.WriteString("houseNo", string.Create(CultureInfo.InvariantCulture, $"{random.Next(1, 999)}/{random.Next(1, 99)}"));
            json.WriteString("road", random.Pick(Roads));
            json.WriteString("districtCode", district.District.Code);
            json.WriteString("postcode", district.Postcode);
            json.WriteEndObject();
            if (service == "building-permit-k1")
            {
                json.WriteStartObject("titleDeed");
                json.WriteString("kind", "chanote");
                json.WriteString("number", random.Next(1000, 99999).ToString(CultureInfo.InvariantCulture));
                json.WriteEndObject();
                json.WriteBoolean("landOwnerIsApplicant", true);
                json.WriteStartArray("buildings");
                json.WriteStartObject();
                var storeys = random.Next(1, 4);
                json.WriteString("kind", "house");
                json.WriteString("use", "residential");
                json.WriteNumber("storeys", storeys);
                json.WriteNumber("heightM", storeys * 3.5);
                json.WriteNumber("floorAreaM2", random.Next(60, 290));
                json.WriteNumber("parkingAreaM2", random.Next(0, 40));
                json.WriteEndObject();
                json.WriteEndArray();
                json.WriteNumber("completionDays", random.Next(90, 540));
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static readonly string[] Roads = ["ถนนสุขุมวิท", "ถนนพหลโยธิน", "ถนนรามคำแหง", "ถนนเพชรเกษม", "ถนนลาดพร้าว", "ถนนจรัญสนิทวงศ์", "ถนนพระราม 2", "ถนนงามวงศ์วาน"];

    private sealed record ServiceModel(string Code, IReadOnlyList<ServiceDefinition> Versions, (double Weight, int[] PeakMonths, double Peak, double Deficiency, double Refusal) Profile)
    {
        private readonly Dictionary<int, List<string>> _checklists = [];

        public List<string> ChecklistOf(ServiceInForce service)
        {
            if (!_checklists.TryGetValue(service.Version, out var items))
            {
                items = [.. service.ChecklistItemCodes.Order(StringComparer.Ordinal)];
                _checklists[service.Version] = items;
            }

            return items;
        }
    }

    /// <param name="Speed">How long this office takes relative to the city's median (pilot districts are quicker).</param>
    private sealed record DistrictModel(District District, double Volume, double Speed, string Postcode);

    /// <summary>Stable ids standing in for an office's counter officer, reviewing officer and approver.</summary>
    private sealed record StaffIds(Guid Counter, Guid Officer, Guid Approver);

    /// <summary>The city: districts with their volume and speed, services with their seasons, and the daily intake curve.</summary>
    private sealed class WorldModel
    {
        private readonly double[] _cumulative;
        private readonly DateOnly _start;
        private readonly Dictionary<(string, string), StaffIds> _staff = [];

        public WorldModel(long seed, IReadOnlyList<District> districts, IReadOnlyList<ServiceModel> services, DateOnly start, DateOnly end, BusinessCalendar calendar)
        {
            Seed = seed;
            _start = start;
            Districts = [.. districts.Select((d, i) =>
            {
                var r = DemoRandom.For(seed, "district", i);
                var speed = (0.6 + r.NextDouble()) * (d.Pilot ? 0.8 : 1.0);
                return new DistrictModel(d, 0.5 + (1.5 * r.NextDouble()), speed, string.Create(CultureInfo.InvariantCulture, $"10{110 + (i * 10) % 890:D3}"));
            })];
            DistrictWeights = [.. Districts.Select(d => d.Volume)];
            Services = services;
            ServiceWeights = [.. Enumerable.Range(1, 12).Select(month => (IReadOnlyList<double>)[.. services.Select(s =>
                s.Versions[^1].IsOpenOn(new DateOnly(2025, month, 1)) ? s.Profile.Weight * (s.Profile.PeakMonths.Contains(month) ? s.Profile.Peak : 1.0) : 0.0)])];

            // The daily intake: weekdays, Mondays and the first working day after a holiday busiest, weekends and
            // holidays quiet (online only), months as in MonthFactor, and a slow rise as more people file online.
            var days = end.DayNumber - start.DayNumber + 1;
            _cumulative = new double[days];
            var total = 0.0;
            for (var i = 0; i < days; i++)
            {
                var day = start.AddDays(i);
                var weight = day.DayOfWeek switch
                {
                    DayOfWeek.Saturday => 0.12,
                    DayOfWeek.Sunday => 0.08,
                    DayOfWeek.Monday => 1.25,
                    DayOfWeek.Friday => 0.9,
                    _ => 1.0,
                };
                if (!BusinessCalendar.IsWeekend(day) && !calendar.IsBusinessDay(day))
                {
                    weight = 0.1;
                }
                else if (calendar.IsBusinessDay(day) && !calendar.IsBusinessDay(day.AddDays(-1)) && !calendar.IsBusinessDay(day.AddDays(-3)))
                {
                    weight *= 1.6;
                }

                weight *= MonthFactor[day.Month - 1] * (1.0 + (0.3 * i / days));
                total += weight;
                _cumulative[i] = total;
            }

            for (var i = 0; i < days; i++)
            {
                _cumulative[i] /= total;
            }
        }

        public long Seed { get; }

        public IReadOnlyList<DistrictModel> Districts { get; }

        public IReadOnlyList<double> DistrictWeights { get; }

        public IReadOnlyList<ServiceModel> Services { get; }

        public IReadOnlyList<IReadOnlyList<double>> ServiceWeights { get; }

        /// <summary>
        /// The opening time of file <paramref name="index"/> of <paramref name="count"/>: the inverse of the intake
        /// curve, so files are in time order (and their running numbers with them) and days get their share.
        /// </summary>
        public (DateOnly Day, double Hour) OpenedAt(int index, int count)
        {
            var u = (index + 0.5) / count;
            var i = Array.BinarySearch(_cumulative, u);
            if (i < 0)
            {
                i = Math.Min(~i, _cumulative.Length - 1);
            }

            var low = i == 0 ? 0.0 : _cumulative[i - 1];
            var within = Math.Clamp((u - low) / (_cumulative[i] - low), 0, 0.999);
            return (_start.AddDays(i), 8.0 + (within * 9.0));
        }

        public string CounterKey(int index, int count)
        {
            var random = DemoRandom.For(Seed, "application", index);
            var district = Districts[random.Weighted(DistrictWeights)];
            return ApplicationReference.CounterKey(district.District.Code, ApplicationReference.BuddhistYearOf(OpenedAt(index, count).Day));
        }

        private readonly Dictionary<ServiceDefinition, ServiceInForce> _inForce = [];

        public ServiceInForce InForce(ServiceDefinition definition, IServiceDirectory directory)
        {
            if (!_inForce.TryGetValue(definition, out var service))
            {
                service = directory.Version(definition.Code, definition.Version)!;
                _inForce[definition] = service;
            }

            return service;
        }

        public StaffIds Staff(string district, string section)
        {
            if (!_staff.TryGetValue((district, section), out var ids))
            {
                var r = DemoRandom.For(Seed, "staff:" + district + ":" + section, 0);
                var at = new DateTime(2023, 1, 1, 0, 0, 0, DateTimeKind.Utc);
                ids = new StaffIds(r.TimeOrderedGuid(at), r.TimeOrderedGuid(at), r.TimeOrderedGuid(at));
                _staff[(district, section)] = ids;
            }

            return ids;
        }
    }
}
