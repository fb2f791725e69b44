using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Anuyat.Domain.Common;
using Anuyat.Infrastructure.Pdf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Anuyat.Bench;

/// <summary>Where the running app is and who the benchmark acts as.</summary>
/// <param name="CitizenToken">A citizen who files new applications (scenario 1).</param>
/// <param name="OfficerToken">An officer of the district and section whose queue is read (scenario 2).</param>
/// <param name="DemoCitizenToken">A generated citizen, whose generated files are read on the status page (scenario 2).</param>
/// <param name="AdminToken">For the dashboard (scenario 4), when it exists.</param>
/// <param name="DataDirectory">The app's data directory: the raw-write baseline writes beside it, on the same disk.</param>
/// <param name="PostgresConnection">Set when the app runs on PostgreSQL; the raw-insert baseline uses the same database.</param>
/// <param name="PermitNumbers">Issued permits' numbers for scenario 3 (empty: the scenario is skipped with a reason).</param>
public sealed record BenchTarget(string Db, Uri BaseAddress, string CitizenToken, string OfficerToken, string DemoCitizenToken, string? AdminToken, string DataDirectory, string? PostgresConnection, IReadOnlyList<string>? PermitNumbers = null);

/// <summary>How long and how hard: the quick mode (seconds, for the test suite) or the full run.</summary>
/// <param name="WarmupSeconds">
/// <c>--warmup S</c>: a longer warm-up than the default. The submit path touches tens of thousands of methods, and
/// the runtime's background re-compilation of them (tier 1) still took a third of the app's processor time 30 s into
/// a run at 8 submissions/s; a long warm-up measures the steady state (session 5).
/// </param>
public sealed record BenchSettings(bool Quick, double? WarmupSeconds = null, int? SubmitUsersOverride = null)
{
    public TimeSpan Run => Quick ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(10);

    /// <summary>Each load step is preceded by an unrecorded run of this length, so JIT and cold caches are not measured.</summary>
    public TimeSpan Warmup => WarmupSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : Quick ? TimeSpan.FromSeconds(0.2) : TimeSpan.FromSeconds(4);

    public int[] Users => Quick ? [2] : [16, 64];

    /// <summary>Concurrent submitters; <c>--submit-users 1</c> measures the processor time of one submission without contention.</summary>
    public int SubmitUsers => SubmitUsersOverride ?? (Quick ? 2 : 8);

    /// <summary>Open-model runs are offered this share of the closed-loop ceiling.</summary>
    public const double OpenShare = 0.7;
}

/// <summary>One figure for the report: a name, its value, and the baseline it is set beside.</summary>
public sealed record Figure(string Scenario, string Db, string Name, string Value, string? Note = null);

/// <summary>The scenarios of issue 11, each with its baseline measured in the same run.</summary>
public sealed class Scenarios(BenchTarget target, BenchSettings settings, TextWriter log)
{
    private const int DocumentBytes = 200 * 1024;

    public List<Figure> Figures { get; } = [];

    /// <summary>
    /// The app process's processor time so far, when the benchmark started it (null in-process): processor time per
    /// request does not depend on how many other programs share the machine, unlike requests per second.
    /// </summary>
    public Func<TimeSpan>? ServerCpu { get; init; }

    public List<(string Scenario, string Db, LoadResult Result, string What)> Loads { get; } = [];

    /// <summary>Highest closed-loop rate seen in scenario 2, by page and users (for the memory scenario's sampler).</summary>
    public static HttpClient Client(Uri baseAddress, int users, string? token)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = users,
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
            AllowAutoRedirect = false,
            UseCookies = false,
        };
        var client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    // ---- 1. Submit ---------------------------------------------------------------------------------------------

    /// <summary>A 1-storey 80 m² house on the applicant's own land: ข.1 then asks for three documents.</summary>
    public const string SmallHouse = """
        {
          "applicantType": "person", "requestType": "construct",
          "site": { "houseNo": "99", "soi": "", "road": "ราชดำเนินกลาง", "subdistrict": "บวรนิเวศ", "districtCode": "1001", "postcode": "10200" },
          "titleDeed": { "kind": "chanote", "number": "4521" }, "landOwnerIsApplicant": true,
          "buildings": [ { "kind": "บ้านเดี่ยว", "use": "พักอาศัย", "storeys": 1, "heightM": 4, "floorAreaM2": 80, "parkingAreaM2": 0 } ],
          "completionDays": 365,
          "applicant": { "nationalId": "1111111111119", "firstName": "สมหญิง", "lastName": "ใจดี", "phone": "081-234-5678", "email": "somying@example.com" },
          "designer": { "name": "นายออกแบบ" }, "supervisor": { "name": "นายควบคุม" }
        }
        """;

    public static readonly string[] SmallHouseDocuments = ["plans", "titleDeedCopy", "supervisorConsent"];

    /// <summary>A plain PDF of about 200 KB whose bytes differ per call, so the content-addressed store keeps every copy.</summary>
    public static byte[] Document(long unique)
    {
        var head = "%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\n";
        var fill = DocumentBytes - head.Length - 200;
        var body = new StringBuilder(DocumentBytes);
        body.Append(head).Append(CultureInfo.InvariantCulture, $"4 0 obj\n<< /Length {fill} >>\nstream\n");
        var random = new Random(unchecked((int)unique) ^ 0x5A5A5A);
        const string hex = "0123456789ABCDEF";
        for (var i = 0; i < fill; i++)
        {
            body.Append(i % 80 == 79 ? '\n' : hex[random.Next(16)]);
        }

        body.Append(CultureInfo.InvariantCulture, $"\nendstream\nendobj\n% {unique}\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");
        return Encoding.ASCII.GetBytes(body.ToString());
    }

    private static async Task<string?> SubmitOnceAsync(HttpClient client, long unique, CancellationToken ct)
    {
        var create = await client.PostAsync("/api/v1/applications", new StringContent($$"""{ "serviceCode": "building-permit-k1", "districtCode": "1001", "answers": {} }""", Encoding.UTF8, "application/json"), ct);
        if (create.StatusCode != HttpStatusCode.Created)
        {
            return $"create {(int)create.StatusCode}";
        }

        var id = JsonDocument.Parse(await create.Content.ReadAsStringAsync(ct)).RootElement.GetProperty("id").GetGuid();
        var answers = await client.PutAsync($"/api/v1/applications/{id}/answers", new StringContent($$"""{ "answers": {{SmallHouse}} }""", Encoding.UTF8, "application/json"), ct);
        if (answers.StatusCode != HttpStatusCode.OK)
        {
            return $"answers {(int)answers.StatusCode}";
        }

        for (var d = 0; d < SmallHouseDocuments.Length; d++)
        {
            using var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(Document((unique * 10) + d));
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(file, "file", $"{SmallHouseDocuments[d]}.pdf");
            form.Add(new StringContent(SmallHouseDocuments[d]), "item");
            var upload = await client.PostAsync($"/api/v1/applications/{id}/documents", form, ct);
            if (upload.StatusCode != HttpStatusCode.Created)
            {
                return $"document {(int)upload.StatusCode} {await upload.Content.ReadAsStringAsync(ct)}";
            }
        }

        var submit = await client.PostAsync($"/api/v1/applications/{id}/submit", null, ct);
        return submit.StatusCode == HttpStatusCode.OK ? null : $"submit {(int)submit.StatusCode} {await submit.Content.ReadAsStringAsync(ct)}";
    }

    public async Task SubmitAsync(CancellationToken ct)
    {
        var users = settings.SubmitUsers;
        using var client = Client(target.BaseAddress, users, target.CitizenToken);
        var unique = DateTime.UtcNow.Ticks;
        await LoadGenerator.ClosedAsync(users, settings.Warmup, (_, seq, c) => SubmitOnceAsync(client, unique - 1_000_000 + seq, c), ct);
        var cpu = ServerCpu?.Invoke();
        var closed = await LoadGenerator.ClosedAsync(users, settings.Run, (_, seq, c) => SubmitOnceAsync(client, unique + seq, c), ct);
        Record("1 submit", "closed ceiling: draft + answers + 3 × 200 KB + submit", closed);
        if (cpu is { } before && closed.Completed > 0)
        {
            var perSubmission = (ServerCpu!() - before).TotalMilliseconds / closed.Completed;
            Figures.Add(new("1 submit", target.Db, "app processor time per submission (6 requests)", $"{perSubmission:F1} ms", $"so one free core would take about {1000 / perSubmission:F0} submissions/s"));
        }
        var open = await LoadGenerator.OpenAsync(Math.Max(0.5, closed.AchievedPerSecond * BenchSettings.OpenShare), users, settings.Run, (_, seq, c) => SubmitOnceAsync(client, unique + 1_000_000 + seq, c), ct);
        Record("1 submit", "open model at 70 % of the ceiling", open);

        var raw = await RawDurableWritesAsync(users, ct);
        Record("1 submit", "baseline: raw durable write of the same rows and bytes (12 rows + 3 × 200 KB fsync'd files per unit)", raw);
        Ratio("1 submit", "submissions/s ÷ raw durable units/s", closed.AchievedPerSecond, raw.AchievedPerSecond, "target ≥ 100/s and ≥ 50 % of raw");
    }

    /// <summary>
    /// What a submission must make durable at the least: about a dozen rows (application, 3 files, 3 attachments,
    /// audit entries, outbox) committed in one transaction, and three 200 KB files written and fsync'd.
    /// </summary>
    private async Task<LoadResult> RawDurableWritesAsync(int users, CancellationToken ct)
    {
        var folder = Path.Combine(target.DataDirectory, "bench-raw");
        Directory.CreateDirectory(folder);
        var payload = new string('x', 600);
        var document = Document(42);
        Func<Task<IDisposable>> open;
        string sqlite = $"Data Source={Path.Combine(folder, "raw.db")};Pooling=true";
        if (target.PostgresConnection is { } pg)
        {
            await using (var setup = new NpgsqlConnection(pg))
            {
                await setup.OpenAsync(ct);
                await using var create = new NpgsqlCommand("CREATE TABLE IF NOT EXISTS bench_raw (id uuid PRIMARY KEY, payload text NOT NULL)", setup);
                await create.ExecuteNonQueryAsync(ct);
            }

            open = async () =>
            {
                var c = new NpgsqlConnection(pg);
                await c.OpenAsync(ct);
                return c;
            };
        }
        else
        {
            await using (var setup = new SqliteConnection(sqlite))
            {
                await setup.OpenAsync(ct);
                await using var create = setup.CreateCommand();
                // The app's SQLite settings: write-ahead log, normal sync (durable at each commit's WAL write).
                create.CommandText = "PRAGMA journal_mode=WAL; CREATE TABLE IF NOT EXISTS bench_raw (id TEXT PRIMARY KEY, payload TEXT NOT NULL)";
                await create.ExecuteNonQueryAsync(ct);
            }

            open = async () =>
            {
                var c = new SqliteConnection(sqlite);
                await c.OpenAsync(ct);
                await using var busy = c.CreateCommand();
                busy.CommandText = "PRAGMA busy_timeout=30000";
                await busy.ExecuteNonQueryAsync(ct);
                return c;
            };
        }

        return await LoadGenerator.ClosedAsync(users, settings.Run, async (_, seq, c) =>
        {
            for (var f = 0; f < 3; f++)
            {
                var path = Path.Combine(folder, $"{Guid.NewGuid():N}.bin");
                await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
                await file.WriteAsync(document, c);
                file.Flush(flushToDisk: true);
            }

            using var connection = await open();
            var db = (System.Data.Common.DbConnection)connection;
            await using var transaction = await db.BeginTransactionAsync(c);
            for (var r = 0; r < 12; r++)
            {
                await using var insert = db.CreateCommand();
                insert.Transaction = transaction;
                insert.CommandText = "INSERT INTO bench_raw (id, payload) VALUES (@id, @payload)";
                var id = insert.CreateParameter();
                id.ParameterName = "id";
                id.Value = target.PostgresConnection is null ? Guid.NewGuid().ToString() : Guid.NewGuid();
                insert.Parameters.Add(id);
                var p = insert.CreateParameter();
                p.ParameterName = "payload";
                p.Value = payload;
                insert.Parameters.Add(p);
                await insert.ExecuteNonQueryAsync(c);
            }

            await transaction.CommitAsync(c);
            return null;
        }, ct);
    }

    // ---- 2. Queue and status pages -----------------------------------------------------------------------------

    public async Task<(int QueueBytes, int StatusBytes)> PagesAsync(CancellationToken ct)
    {
        using var probe = Client(target.BaseAddress, 1, target.DemoCitizenToken);
        var list = JsonDocument.Parse(await probe.GetStringAsync("/api/v1/applications", ct)).RootElement;
        var ids = list.EnumerateArray().Select(a => a.GetProperty("id").GetGuid()).ToList();
        if (ids.Count == 0)
        {
            throw new InvalidOperationException("the generated citizen has no applications");
        }

        var statusBytes = (await probe.GetByteArrayAsync($"/applications/{ids[0]}", ct)).Length;
        using var officerProbe = Client(target.BaseAddress, 1, target.OfficerToken);
        var queueResponse = await officerProbe.GetAsync("/office/queue", ct);
        if (queueResponse.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"/office/queue answered {(int)queueResponse.StatusCode}");
        }

        var queueBytes = (await queueResponse.Content.ReadAsByteArrayAsync(ct)).Length;

        // The closed tab holds the office's whole history (thousands of files at 1,000,000): the list that paging bounds.
        const string Closed = "/office/queue?tab=closed";
        var closedBytes = (await officerProbe.GetByteArrayAsync(Closed, ct)).Length;
        Figures.Add(new("2 pages", target.Db, "page sizes", $"queue {queueBytes:N0} B, closed tab {closedBytes:N0} B, status {statusBytes:N0} B", $"the generated citizen has {ids.Count} file(s)"));

        foreach (var users in settings.Users)
        {
            using var officer = Client(target.BaseAddress, users, target.OfficerToken);
            var queue = await PageLoadAsync("2 queue", $"GET /office/queue ({queueBytes / 1024} KB)", users, officer, _ => "/office/queue", ct);
            _ = await PageLoadAsync("2 queue closed", $"GET {Closed} ({closedBytes / 1024} KB)", users, officer, _ => Closed, ct);
            using var citizen = Client(target.BaseAddress, users, target.DemoCitizenToken);
            var status = await PageLoadAsync("2 status", $"GET /applications/{{id}} ({statusBytes / 1024} KB)", users, citizen, seq => $"/applications/{ids[(int)(seq % ids.Count)]}", ct);
            _ = (queue, status);
        }

        return (queueBytes, statusBytes);
    }

    private async Task<LoadResult> PageLoadAsync(string scenario, string what, int users, HttpClient client, Func<long, string> path, CancellationToken ct)
    {
        await LoadGenerator.ClosedAsync(users, settings.Warmup, async (_, seq, c) => await GetAsync(client, path(seq), c), ct);
        var cpu = ServerCpu?.Invoke();
        var closed = await LoadGenerator.ClosedAsync(users, settings.Run, async (_, seq, c) => await GetAsync(client, path(seq), c), ct);
        Record(scenario, what + " closed ceiling", closed);
        if (cpu is { } before && closed.Completed > 0)
        {
            var perRequest = (ServerCpu!() - before).TotalMilliseconds / closed.Completed;
            Figures.Add(new(scenario, target.Db, $"{users} users: app processor time per request", $"{perRequest:F2} ms", $"so one free core would serve about {1000 / perRequest:F0} pages/s"));
            log.WriteLine($"{scenario} [{target.Db}] app processor time per request: {perRequest:F2} ms");
        }
        var open = await LoadGenerator.OpenAsync(Math.Max(1, closed.AchievedPerSecond * BenchSettings.OpenShare), users, settings.Run, async (_, seq, c) => await GetAsync(client, path(seq), c), ct);
        Record(scenario, what + " open model at 70 % of the ceiling", open);
        return closed;
    }

    private static async Task<string?> GetAsync(HttpClient client, string path, CancellationToken ct)
    {
        using var response = await client.GetAsync(path, HttpCompletionOption.ResponseContentRead, ct);
        return response.StatusCode == HttpStatusCode.OK ? null : $"{path} {(int)response.StatusCode}";
    }

    /// <summary>Processor time per static request, client and server together (they share the benchmark's process).</summary>
    public static double StaticCpuMsPerRequest { get; private set; }

    /// <summary>Raw Kestrel returning a fixed page of the same size: the ceiling of the machine and the HTTP stack.</summary>
    public static async Task<List<(int Users, LoadResult Result)>> StaticBaselineAsync(int bytes, BenchSettings settings, CancellationToken ct)
    {
        var page = Encoding.UTF8.GetBytes(new string('x', bytes));
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        await using var app = builder.Build();
        app.MapGet("/static", () => Microsoft.AspNetCore.Http.Results.Bytes(page, "text/html; charset=utf-8"));
        await app.StartAsync(ct);
        var address = new Uri(app.Urls.First());
        var results = new List<(int, LoadResult)>();
        foreach (var users in settings.Users)
        {
            using var client = Client(address, users, null);
            await LoadGenerator.ClosedAsync(users, settings.Warmup, (_, _, c) => GetAsync(client, "/static", c), ct);
            var cpu = Environment.CpuUsage.TotalTime;
            var result = await LoadGenerator.ClosedAsync(users, settings.Run, (_, _, c) => GetAsync(client, "/static", c), ct);
            StaticCpuMsPerRequest = (Environment.CpuUsage.TotalTime - cpu).TotalMilliseconds / Math.Max(1, result.Completed);
            results.Add((users, result));
        }

        await app.StopAsync(ct);
        return results;
    }

    // ---- 3. Verification ---------------------------------------------------------------------------------------

    /// <summary>The public verification page a permit's QR code opens, and the public permit API, for random issued permits.</summary>
    public async Task VerificationAsync(CancellationToken ct)
    {
        var numbers = target.PermitNumbers ?? [];
        if (numbers.Count == 0)
        {
            Figures.Add(new("3 verification", target.Db, "/verify/{number}", "skipped", "no issued permits in this data set"));
            log.WriteLine("3 verification: skipped — no permits");
            return;
        }

        using var probe = Client(target.BaseAddress, 1, null);
        var page = await probe.GetAsync($"/verify/{numbers[0]}", ct);
        var api = await probe.GetAsync($"/api/v1/permits/{numbers[0]}", ct);
        if (page.StatusCode != HttpStatusCode.OK || api.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"/verify answered {(int)page.StatusCode}, /api/v1/permits answered {(int)api.StatusCode}");
        }

        var pageBytes = (await page.Content.ReadAsByteArrayAsync(ct)).Length;
        Figures.Add(new("3 verification", target.Db, "page size", $"verify {pageBytes:N0} B", $"{numbers.Count:N0} permits to pick from"));
        foreach (var users in settings.Users)
        {
            using var anyone = Client(target.BaseAddress, users, null);
            await PageLoadAsync("3 verification", $"GET /verify/{{number}} ({pageBytes / 1024} KB)", users, anyone, seq => $"/verify/{numbers[(int)((seq * 7919) % numbers.Count)]}", ct);
            await PageLoadAsync("3 permit api", "GET /api/v1/permits/{number}", users, anyone, seq => $"/api/v1/permits/{numbers[(int)((seq * 7919) % numbers.Count)]}", ct);
        }
    }

    // ---- 4. Dashboard (built elsewhere) -------------------------------------------------------------------------

    public async Task RouteOrSkipAsync(string scenario, string route, string? token, string path, CancellationToken ct)
    {
        using var client = Client(target.BaseAddress, settings.Users[^1], token);
        var openApi = await client.GetStringAsync("/openapi/v1.json", ct);
        if (!openApi.Contains($"\"{route}\"", StringComparison.Ordinal))
        {
            Figures.Add(new(scenario, target.Db, route, "skipped", $"{route} is not in this build's OpenAPI document (built on another branch)"));
            log.WriteLine($"{scenario}: skipped — {route} is not in this build");
            return;
        }

        var probe = await client.GetAsync(path, ct);
        if (probe.StatusCode == HttpStatusCode.NotFound)
        {
            Figures.Add(new(scenario, target.Db, route, "skipped", $"GET {path} answered 404"));
            log.WriteLine($"{scenario}: skipped — GET {path} answered 404");
            return;
        }

        foreach (var users in settings.Users)
        {
            var closed = await LoadGenerator.ClosedAsync(users, settings.Run, (_, _, c) => GetAsync(client, path, c), ct);
            Record(scenario, $"GET {path} closed ceiling", closed);
        }
    }

    // ---- 5. PDF ------------------------------------------------------------------------------------------------

    /// <summary>
    /// Receipts (the permit document is being built on another branch; the receipt is the same engine: Sarabun,
    /// HarfBuzz shaping, a QR code) against a blank page with the same fonts loaded, one thread per core.
    /// </summary>
    public static (double Documents, double Blank, int Bytes, double Permits, int PermitBytes) Pdf(BenchSettings settings)
    {
        using var fonts = PdfFonts.Load();
        var receipts = new ReceiptDocument(fonts, TimeProvider.System);
        var content = new ReceiptContent(
            "1001-2569-000123",
            new BilingualText("สำนักงานเขตพระนคร กรุงเทพมหานคร", "Phra Nakhon District Office, Bangkok"),
            "นางสาวสมหญิง ใจดี",
            new BilingualText("ใบอนุญาตก่อสร้าง ดัดแปลง หรือรื้อถอนอาคาร (ข.1)", "Building permit (Kor.1)"),
            new DateOnly(2026, 11, 26),
            new DateOnly(2027, 1, 10),
            new BilingualText("สำนักงานเขตจะตรวจความครบถ้วนของคำขอและเอกสาร", "The district office checks that the application is complete."),
            new Uri("https://anuyat.example/applications/0000"))
        {
            Documents = [new(new("แบบแปลน", "Plans"), 1), new(new("สำเนาโฉนด", "Title deed copy"), 1), new(new("หนังสือผู้ควบคุมงาน", "Supervisor's consent"), 1)],
        };
        var bytes = receipts.Render(content).Bytes.Length;
        var documents = PerSecondPerCore(settings, "receipt", () => receipts.Render(content));
        var blank = PerSecondPerCore(settings, "blank page", () => new PdfDocumentBuilder(fonts).Render(DateTime.UtcNow));

        // The permit itself (what the target counts): a one-storey house with its conditions, as PermitIssuance fills it.
        var permits = new PermitDocument(fonts);
        var permit = new PermitContent(
            "1001-ข1-2569-000123",
            new BilingualText("ใบอนุญาตก่อสร้างอาคาร ดัดแปลงอาคาร หรือรื้อถอนอาคาร (อ.1)", "Building construction, alteration or demolition permit (Or.1)"),
            new BilingualText("สำนักงานเขตพระนคร กรุงเทพมหานคร", "Phra Nakhon District Office, Bangkok"),
            "1001-2569-000123",
            "นางสาวสมหญิง ใจดี",
            "99 ถนนราชดำเนินกลาง แขวงบวรนิเวศ เขตพระนคร กรุงเทพมหานคร 10200 (โฉนดที่ดินเลขที่ 4521)",
            new BilingualText("ก่อสร้างอาคาร", "Construct a building"),
            [new PermitBuildingLine("บ้านเดี่ยว", "พักอาศัย", 1, 4m, 80m, 0m)],
            [new BilingualText("ต้องก่อสร้างให้เสร็จภายในกำหนดเวลาที่ได้รับอนุญาต", "Construction must finish within the permitted time."), new BilingualText("ผู้ควบคุมงานต้องอยู่ควบคุมงานตามที่ได้รับอนุญาต", "The named supervisor must supervise the work.")],
            new DateOnly(2026, 11, 26),
            new DateOnly(2027, 11, 25),
            null,
            "นายอนุมัติ ถูกต้อง",
            new Uri("https://anuyat.example/verify/1001-%E0%B8%8261-2569-000123"));
        var permitBytes = permits.Render(permit, DateTime.UtcNow).Bytes.Length;
        var permitRate = PerSecondPerCore(settings, "permit", () => permits.Render(permit, DateTime.UtcNow));
        return (documents, blank, bytes, permitRate, permitBytes);
    }

    private static double PerSecondPerCore(BenchSettings settings, string name, Func<PdfFile> render)
    {
        render();
        var cores = Environment.ProcessorCount;
        long done = 0;
        // Processor time per document beside the wall-clock rate: on a shared machine the rate says how much of the
        // cores this process was given, the processor time what one document costs (JIT and GC threads included).
        var processor = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        Parallel.For(0, cores, new ParallelOptions { MaxDegreeOfParallelism = cores }, _ =>
        {
            while (clock.Elapsed < settings.Run)
            {
                render();
                Interlocked.Increment(ref done);
            }
        });
        var rate = done / clock.Elapsed.TotalSeconds / cores;
        var perDocument = (Process.GetCurrentProcess().TotalProcessorTime - processor).TotalMilliseconds / Math.Max(1, done);
        Console.WriteLine($"pdf: {name}: {done} in {clock.Elapsed.TotalSeconds:F1} s, {rate:F1}/s/core, {perDocument:F2} ms processor per document");
        return rate;
    }

    private void Record(string scenario, string what, LoadResult result)
    {
        Loads.Add((scenario, target.Db, result, what));
        log.WriteLine($"{scenario} [{target.Db}] {what}\n    {result.Line}{(result.FirstError is null ? "" : "  first error: " + result.FirstError)}");
    }

    private void Ratio(string scenario, string name, double value, double baseline, string target2)
    {
        var ratio = baseline > 0 ? value / baseline : double.NaN;
        Figures.Add(new(scenario, target.Db, name, $"{value:F1} ÷ {baseline:F1} = {ratio:P0}", target2));
        log.WriteLine($"{scenario} [{target.Db}] ratio {name}: {value:F1} ÷ {baseline:F1} = {ratio:P0} ({target2})");
    }
}
