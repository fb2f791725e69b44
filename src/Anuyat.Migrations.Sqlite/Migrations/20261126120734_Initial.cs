using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Anuyat.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "audit_checkpoints",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    tenant_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    signed_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    key_id = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    note = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_checkpoints", x => new { x.tenant_id, x.id });
                });

            migrationBuilder.CreateTable(
                name: "audit_events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    tenant_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    format_version = table.Column<int>(type: "INTEGER", nullable: false),
                    occurred_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    actor_id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    actor_role = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    action = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    subject_type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    subject_id = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    district_code = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    section_code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    summary_th = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    summary_en = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    details = table.Column<string>(type: "text", nullable: false),
                    previous_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_events", x => new { x.tenant_id, x.id });
                });

            migrationBuilder.CreateTable(
                name: "counters",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    tenant_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Value = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_counters", x => new { x.tenant_id, x.Key });
                });

            migrationBuilder.CreateTable(
                name: "data_protection_keys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_data_protection_keys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "districts",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    tenant_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    NameTh = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    GroupTh = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    GroupEn = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Pilot = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_districts", x => new { x.tenant_id, x.Code });
                });

            migrationBuilder.CreateTable(
                name: "holiday_overrides",
                columns: table => new
                {
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    tenant_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Removed = table.Column<bool>(type: "INTEGER", nullable: false),
                    NameTh = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Confirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ChangedBy = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_holiday_overrides", x => new { x.tenant_id, x.Date });
                });

            migrationBuilder.CreateTable(
                name: "holiday_years",
                columns: table => new
                {
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    tenant_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ImportedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ImportedBy = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_holiday_years", x => new { x.tenant_id, x.Year });
                });

            migrationBuilder.CreateTable(
                name: "idempotency_records",
                columns: table => new
                {
                    Caller = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    tenant_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RequestHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Completed = table.Column<bool>(type: "INTEGER", nullable: false),
                    StatusCode = table.Column<int>(type: "INTEGER", nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Location = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Body = table.Column<byte[]>(type: "BLOB", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_idempotency_records", x => new { x.tenant_id, x.Caller, x.Key });
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    tenant_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    recipient_account_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    to_address = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    language = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    body_text = table.Column<string>(type: "TEXT", nullable: false),
                    body_html = table.Column<string>(type: "TEXT", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    next_attempt_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    locked_until = table.Column<DateTime>(type: "TEXT", nullable: true),
                    locked_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    sent_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    last_error = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outbox_messages", x => new { x.tenant_id, x.id });
                });

            migrationBuilder.CreateTable(
                name: "rollout_decisions",
                columns: table => new
                {
                    ServiceCode = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DistrictCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    tenant_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    OpensFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ChangedBy = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rollout_decisions", x => new { x.tenant_id, x.ServiceCode, x.DistrictCode });
                });

            migrationBuilder.CreateTable(
                name: "sections",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    tenant_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    NameTh = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sections", x => new { x.tenant_id, x.Code });
                });

            migrationBuilder.CreateTable(
                name: "stats_lead_times",
                columns: table => new
                {
                    month = table.Column<int>(type: "INTEGER", nullable: false),
                    district_code = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    section_code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    service_code = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    bucket = table.Column<int>(type: "INTEGER", nullable: false),
                    tenant_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    count = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stats_lead_times", x => new { x.tenant_id, x.month, x.district_code, x.section_code, x.service_code, x.bucket });
                });

            migrationBuilder.CreateTable(
                name: "stats_open_files",
                columns: table => new
                {
                    received_month = table.Column<int>(type: "INTEGER", nullable: false),
                    district_code = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    section_code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    service_code = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    legal_deadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    with_applicant = table.Column<bool>(type: "INTEGER", nullable: false),
                    tenant_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    count = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stats_open_files", x => new { x.tenant_id, x.received_month, x.district_code, x.section_code, x.service_code, x.legal_deadline, x.with_applicant });
                });

            migrationBuilder.CreateTable(
                name: "stats_rollups",
                columns: table => new
                {
                    month = table.Column<int>(type: "INTEGER", nullable: false),
                    district_code = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    section_code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    service_code = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    tenant_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    received = table.Column<long>(type: "INTEGER", nullable: false),
                    decided = table.Column<long>(type: "INTEGER", nullable: false),
                    on_time = table.Column<long>(type: "INTEGER", nullable: false),
                    refused = table.Column<long>(type: "INTEGER", nullable: false),
                    deficiency_records = table.Column<long>(type: "INTEGER", nullable: false),
                    lapsed = table.Column<long>(type: "INTEGER", nullable: false),
                    withdrawn = table.Column<long>(type: "INTEGER", nullable: false),
                    lead_minutes = table.Column<long>(type: "INTEGER", nullable: false),
                    office_minutes = table.Column<long>(type: "INTEGER", nullable: false),
                    applicant_minutes = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stats_rollups", x => new { x.tenant_id, x.month, x.district_code, x.section_code, x.service_code });
                });

            migrationBuilder.CreateTable(
                name: "version_schedules",
                columns: table => new
                {
                    ServiceCode = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    tenant_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ChangedBy = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_version_schedules", x => new { x.tenant_id, x.ServiceCode, x.Version });
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    tenant_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DistrictCode = table.Column<string>(type: "TEXT", nullable: true),
                    SectionCode = table.Column<string>(type: "TEXT", nullable: true),
                    PreferredLanguage = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DeactivatedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Profile_NationalId = table.Column<string>(type: "TEXT", maxLength: 13, nullable: true),
                    Profile_FirstName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Profile_LastName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Profile_BirthDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Profile_HouseNo = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Profile_Soi = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Profile_Road = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Profile_Subdistrict = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Profile_DistrictCode = table.Column<string>(type: "TEXT", maxLength: 4, nullable: true),
                    Profile_Postcode = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    Profile_Source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", nullable: true),
                    SecurityStamp = table.Column<string>(type: "TEXT", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumber = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => new { x.tenant_id, x.Id });
                    table.ForeignKey(
                        name: "FK_AspNetUsers_districts_tenant_id_DistrictCode",
                        columns: x => new { x.tenant_id, x.DistrictCode },
                        principalTable: "districts",
                        principalColumns: new[] { "tenant_id", "Code" });
                    table.ForeignKey(
                        name: "FK_AspNetUsers_sections_tenant_id_SectionCode",
                        columns: x => new { x.tenant_id, x.SectionCode },
                        principalTable: "sections",
                        principalColumns: new[] { "tenant_id", "Code" });
                });

            migrationBuilder.CreateTable(
                name: "offices",
                columns: table => new
                {
                    DistrictCode = table.Column<string>(type: "TEXT", nullable: false),
                    SectionCode = table.Column<string>(type: "TEXT", nullable: false),
                    tenant_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_offices", x => new { x.tenant_id, x.DistrictCode, x.SectionCode });
                    table.ForeignKey(
                        name: "FK_offices_districts_tenant_id_DistrictCode",
                        columns: x => new { x.tenant_id, x.DistrictCode },
                        principalTable: "districts",
                        principalColumns: new[] { "tenant_id", "Code" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_offices_sections_tenant_id_SectionCode",
                        columns: x => new { x.tenant_id, x.SectionCode },
                        principalTable: "sections",
                        principalColumns: new[] { "tenant_id", "Code" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "api_tokens",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    tenant_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Prefix = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RevokedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastUsedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_api_tokens", x => new { x.tenant_id, x.Id });
                    table.ForeignKey(
                        name: "FK_api_tokens_AspNetUsers_tenant_id_AccountId",
                        columns: x => new { x.tenant_id, x.AccountId },
                        principalTable: "AspNetUsers",
                        principalColumns: new[] { "tenant_id", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "applications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    tenant_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ServiceCode = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    ServiceVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    DistrictCode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    SectionCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ApplicantAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FiledByAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AnswersJson = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Deficiency_Items = table.Column<string>(type: "TEXT", nullable: true),
                    Deficiency_Note = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Deficiency_DueDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Deficiency_IssuedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Deficiency_IssuedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    Deficiency_AnswersAtIssue = table.Column<string>(type: "TEXT", nullable: true),
                    Deficiency_AnsweredAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AcceptedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RecommendedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    Recommendation = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    RecommendationNote = table.Column<string>(type: "TEXT", nullable: true),
                    RecommendedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    DecisionReasons = table.Column<string>(type: "TEXT", nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Inspection_Date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Inspection_Slot = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    Inspection_ScheduledAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Inspection_ScheduledBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    Inspection_RescheduleUsed = table.Column<bool>(type: "INTEGER", nullable: true),
                    Inspection_RescheduleReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Inspection_RescheduledAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Inspection_Outcome = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    Inspection_Notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Inspection_RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Inspection_RecordedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    VerifiedItems = table.Column<string>(type: "TEXT", nullable: false),
                    DelayReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    DelayReasonAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AssignedTo = table.Column<Guid>(type: "TEXT", nullable: true),
                    LegalDeadline = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RowVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    IsSynthetic = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_applications", x => new { x.tenant_id, x.Id });
                    table.ForeignKey(
                        name: "FK_applications_AspNetUsers_tenant_id_ApplicantAccountId",
                        columns: x => new { x.tenant_id, x.ApplicantAccountId },
                        principalTable: "AspNetUsers",
                        principalColumns: new[] { "tenant_id", "Id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_applications_districts_tenant_id_DistrictCode",
                        columns: x => new { x.tenant_id, x.DistrictCode },
                        principalTable: "districts",
                        principalColumns: new[] { "tenant_id", "Code" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true),
                    tenant_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_tenant_id_UserId",
                        columns: x => new { x.tenant_id, x.UserId },
                        principalTable: "AspNetUsers",
                        principalColumns: new[] { "tenant_id", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    ProviderKey = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    tenant_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "TEXT", nullable: true),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.tenant_id, x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_tenant_id_UserId",
                        columns: x => new { x.tenant_id, x.UserId },
                        principalTable: "AspNetUsers",
                        principalColumns: new[] { "tenant_id", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserPasskeys",
                columns: table => new
                {
                    CredentialId = table.Column<byte[]>(type: "BLOB", maxLength: 1024, nullable: false),
                    tenant_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Data = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserPasskeys", x => new { x.tenant_id, x.CredentialId });
                    table.ForeignKey(
                        name: "FK_AspNetUserPasskeys_AspNetUsers_tenant_id_UserId",
                        columns: x => new { x.tenant_id, x.UserId },
                        principalTable: "AspNetUsers",
                        principalColumns: new[] { "tenant_id", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    tenant_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.tenant_id, x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_tenant_id_UserId",
                        columns: x => new { x.tenant_id, x.UserId },
                        principalTable: "AspNetUsers",
                        principalColumns: new[] { "tenant_id", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LoginProvider = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    tenant_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.tenant_id, x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_tenant_id_UserId",
                        columns: x => new { x.tenant_id, x.UserId },
                        principalTable: "AspNetUsers",
                        principalColumns: new[] { "tenant_id", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "inbox_messages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    tenant_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RecipientAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TitleTh = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    BodyTh = table.Column<string>(type: "TEXT", nullable: false),
                    BodyEn = table.Column<string>(type: "TEXT", nullable: false),
                    Link = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReadAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inbox_messages", x => new { x.tenant_id, x.Id });
                    table.ForeignKey(
                        name: "FK_inbox_messages_AspNetUsers_tenant_id_RecipientAccountId",
                        columns: x => new { x.tenant_id, x.RecipientAccountId },
                        principalTable: "AspNetUsers",
                        principalColumns: new[] { "tenant_id", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "uploaded_files",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    tenant_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Bytes = table.Column<long>(type: "INTEGER", nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    OriginalName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Scan = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ScannedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ScanAttempts = table.Column<int>(type: "INTEGER", nullable: false),
                    ScanSignature = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_uploaded_files", x => new { x.tenant_id, x.Id });
                    table.ForeignKey(
                        name: "FK_uploaded_files_AspNetUsers_tenant_id_AccountId",
                        columns: x => new { x.tenant_id, x.AccountId },
                        principalTable: "AspNetUsers",
                        principalColumns: new[] { "tenant_id", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "application_extensions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Days = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    GrantedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    GrantedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    tenant_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_application_extensions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_application_extensions_applications_tenant_id_ApplicationId",
                        columns: x => new { x.tenant_id, x.ApplicationId },
                        principalTable: "applications",
                        principalColumns: new[] { "tenant_id", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "case_notes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    tenant_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_notes", x => new { x.tenant_id, x.Id });
                    table.ForeignKey(
                        name: "FK_case_notes_applications_tenant_id_ApplicationId",
                        columns: x => new { x.tenant_id, x.ApplicationId },
                        principalTable: "applications",
                        principalColumns: new[] { "tenant_id", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "delay_notices",
                columns: table => new
                {
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    tenant_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_delay_notices", x => new { x.tenant_id, x.ApplicationId, x.DueOn });
                    table.ForeignKey(
                        name: "FK_delay_notices_applications_tenant_id_ApplicationId",
                        columns: x => new { x.tenant_id, x.ApplicationId },
                        principalTable: "applications",
                        principalColumns: new[] { "tenant_id", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "invoices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    tenant_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DistrictCode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    AmountSatang = table.Column<long>(type: "INTEGER", nullable: false),
                    Lines = table.Column<string>(type: "TEXT", nullable: false),
                    Reference1 = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Reference2 = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    IssuedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PaidAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_invoices", x => new { x.tenant_id, x.Id });
                    table.ForeignKey(
                        name: "FK_invoices_applications_tenant_id_ApplicationId",
                        columns: x => new { x.tenant_id, x.ApplicationId },
                        principalTable: "applications",
                        principalColumns: new[] { "tenant_id", "Id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "permits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    tenant_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicationReference = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ServiceCode = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    DistrictCode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    SectionCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    HolderAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HolderName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Site = table.Column<string>(type: "TEXT", maxLength: 600, nullable: false),
                    SiteArea = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TotalFloorAreaM2 = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    Buildings = table.Column<string>(type: "TEXT", nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ValidUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ApprovedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    IssuedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RevokedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RevokedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    RevocationReasons = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_permits", x => new { x.tenant_id, x.Id });
                    table.ForeignKey(
                        name: "FK_permits_applications_tenant_id_ApplicationId",
                        columns: x => new { x.tenant_id, x.ApplicationId },
                        principalTable: "applications",
                        principalColumns: new[] { "tenant_id", "Id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "application_documents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    tenant_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ItemCode = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    UploadedFileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AttachedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AnswersDeficiency = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_application_documents", x => new { x.tenant_id, x.Id });
                    table.ForeignKey(
                        name: "FK_application_documents_applications_tenant_id_ApplicationId",
                        columns: x => new { x.tenant_id, x.ApplicationId },
                        principalTable: "applications",
                        principalColumns: new[] { "tenant_id", "Id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_application_documents_uploaded_files_tenant_id_UploadedFileId",
                        columns: x => new { x.tenant_id, x.UploadedFileId },
                        principalTable: "uploaded_files",
                        principalColumns: new[] { "tenant_id", "Id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "inspection_photos",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    tenant_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UploadedFileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TakenBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    AttachedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inspection_photos", x => new { x.tenant_id, x.Id });
                    table.ForeignKey(
                        name: "FK_inspection_photos_applications_tenant_id_ApplicationId",
                        columns: x => new { x.tenant_id, x.ApplicationId },
                        principalTable: "applications",
                        principalColumns: new[] { "tenant_id", "Id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_inspection_photos_uploaded_files_tenant_id_UploadedFileId",
                        columns: x => new { x.tenant_id, x.UploadedFileId },
                        principalTable: "uploaded_files",
                        principalColumns: new[] { "tenant_id", "Id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "payments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    tenant_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    TransactionId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    InvoiceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AmountSatang = table.Column<long>(type: "INTEGER", nullable: false),
                    PaidAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReceiptNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    BodySha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_payments", x => new { x.tenant_id, x.Id });
                    table.ForeignKey(
                        name: "FK_payments_invoices_tenant_id_InvoiceId",
                        columns: x => new { x.tenant_id, x.InvoiceId },
                        principalTable: "invoices",
                        principalColumns: new[] { "tenant_id", "Id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_api_tokens_tenant_id_AccountId",
                table: "api_tokens",
                columns: new[] { "tenant_id", "AccountId" });

            migrationBuilder.CreateIndex(
                name: "IX_api_tokens_tenant_id_TokenHash",
                table: "api_tokens",
                columns: new[] { "tenant_id", "TokenHash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_application_documents_tenant_id_ApplicationId_ItemCode",
                table: "application_documents",
                columns: new[] { "tenant_id", "ApplicationId", "ItemCode" });

            migrationBuilder.CreateIndex(
                name: "IX_application_documents_tenant_id_UploadedFileId",
                table: "application_documents",
                columns: new[] { "tenant_id", "UploadedFileId" });

            migrationBuilder.CreateIndex(
                name: "IX_application_extensions_tenant_id_ApplicationId",
                table: "application_extensions",
                columns: new[] { "tenant_id", "ApplicationId" });

            migrationBuilder.CreateIndex(
                name: "IX_applications_tenant_id_ApplicantAccountId_UpdatedAt",
                table: "applications",
                columns: new[] { "tenant_id", "ApplicantAccountId", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_applications_tenant_id_AssignedTo",
                table: "applications",
                columns: new[] { "tenant_id", "AssignedTo" });

            migrationBuilder.CreateIndex(
                name: "IX_applications_tenant_id_DistrictCode_SectionCode_ClosedAt_Id",
                table: "applications",
                columns: new[] { "tenant_id", "DistrictCode", "SectionCode", "ClosedAt", "Id" },
                filter: "\"ClosedAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_applications_tenant_id_DistrictCode_SectionCode_Status_LegalDeadline",
                table: "applications",
                columns: new[] { "tenant_id", "DistrictCode", "SectionCode", "Status", "LegalDeadline" });

            migrationBuilder.CreateIndex(
                name: "IX_applications_tenant_id_Reference",
                table: "applications",
                columns: new[] { "tenant_id", "Reference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_tenant_id_UserId",
                table: "AspNetUserClaims",
                columns: new[] { "tenant_id", "UserId" });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_tenant_id_UserId",
                table: "AspNetUserLogins",
                columns: new[] { "tenant_id", "UserId" });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserPasskeys_tenant_id_UserId",
                table: "AspNetUserPasskeys",
                columns: new[] { "tenant_id", "UserId" });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_tenant_id_RoleId",
                table: "AspNetUserRoles",
                columns: new[] { "tenant_id", "RoleId" });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_tenant_id_DistrictCode_SectionCode_Role",
                table: "AspNetUsers",
                columns: new[] { "tenant_id", "DistrictCode", "SectionCode", "Role" });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_tenant_id_NormalizedEmail",
                table: "AspNetUsers",
                columns: new[] { "tenant_id", "NormalizedEmail" });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_tenant_id_NormalizedUserName",
                table: "AspNetUsers",
                columns: new[] { "tenant_id", "NormalizedUserName" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_tenant_id_SectionCode",
                table: "AspNetUsers",
                columns: new[] { "tenant_id", "SectionCode" });

            migrationBuilder.CreateIndex(
                name: "IX_audit_checkpoints_tenant_id_sequence",
                table: "audit_checkpoints",
                columns: new[] { "tenant_id", "sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_audit_events_tenant_id_sequence",
                table: "audit_events",
                columns: new[] { "tenant_id", "sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_audit_events_tenant_id_subject_type_subject_id_sequence",
                table: "audit_events",
                columns: new[] { "tenant_id", "subject_type", "subject_id", "sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_case_notes_tenant_id_ApplicationId_CreatedAt",
                table: "case_notes",
                columns: new[] { "tenant_id", "ApplicationId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_idempotency_records_tenant_id_ExpiresAt",
                table: "idempotency_records",
                columns: new[] { "tenant_id", "ExpiresAt" });

            migrationBuilder.CreateIndex(
                name: "IX_inbox_messages_tenant_id_RecipientAccountId_CreatedAt",
                table: "inbox_messages",
                columns: new[] { "tenant_id", "RecipientAccountId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_inspection_photos_tenant_id_ApplicationId",
                table: "inspection_photos",
                columns: new[] { "tenant_id", "ApplicationId" });

            migrationBuilder.CreateIndex(
                name: "IX_inspection_photos_tenant_id_UploadedFileId",
                table: "inspection_photos",
                columns: new[] { "tenant_id", "UploadedFileId" });

            migrationBuilder.CreateIndex(
                name: "IX_invoices_tenant_id_ApplicationId",
                table: "invoices",
                columns: new[] { "tenant_id", "ApplicationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_invoices_tenant_id_Number",
                table: "invoices",
                columns: new[] { "tenant_id", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_invoices_tenant_id_Reference2",
                table: "invoices",
                columns: new[] { "tenant_id", "Reference2" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_offices_tenant_id_SectionCode",
                table: "offices",
                columns: new[] { "tenant_id", "SectionCode" });

            migrationBuilder.CreateIndex(
                name: "IX_outbox_messages_tenant_id_locked_by",
                table: "outbox_messages",
                columns: new[] { "tenant_id", "locked_by" });

            migrationBuilder.CreateIndex(
                name: "IX_outbox_messages_tenant_id_sent_at_next_attempt_at",
                table: "outbox_messages",
                columns: new[] { "tenant_id", "sent_at", "next_attempt_at" });

            migrationBuilder.CreateIndex(
                name: "IX_payments_tenant_id_InvoiceId",
                table: "payments",
                columns: new[] { "tenant_id", "InvoiceId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_payments_tenant_id_ReceiptNumber",
                table: "payments",
                columns: new[] { "tenant_id", "ReceiptNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_payments_tenant_id_TransactionId",
                table: "payments",
                columns: new[] { "tenant_id", "TransactionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_permits_tenant_id_ApplicationId",
                table: "permits",
                columns: new[] { "tenant_id", "ApplicationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_permits_tenant_id_DistrictCode_ServiceCode_IssuedOn",
                table: "permits",
                columns: new[] { "tenant_id", "DistrictCode", "ServiceCode", "IssuedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_permits_tenant_id_Number",
                table: "permits",
                columns: new[] { "tenant_id", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_stats_lead_times_tenant_id_district_code_month",
                table: "stats_lead_times",
                columns: new[] { "tenant_id", "district_code", "month" });

            migrationBuilder.CreateIndex(
                name: "IX_stats_open_files_tenant_id_district_code_received_month",
                table: "stats_open_files",
                columns: new[] { "tenant_id", "district_code", "received_month" });

            migrationBuilder.CreateIndex(
                name: "IX_stats_rollups_tenant_id_district_code_month",
                table: "stats_rollups",
                columns: new[] { "tenant_id", "district_code", "month" });

            migrationBuilder.CreateIndex(
                name: "IX_uploaded_files_tenant_id_AccountId",
                table: "uploaded_files",
                columns: new[] { "tenant_id", "AccountId" });

            migrationBuilder.CreateIndex(
                name: "IX_uploaded_files_tenant_id_Scan",
                table: "uploaded_files",
                columns: new[] { "tenant_id", "Scan" });

            migrationBuilder.CreateIndex(
                name: "IX_uploaded_files_tenant_id_Sha256",
                table: "uploaded_files",
                columns: new[] { "tenant_id", "Sha256" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "api_tokens");

            migrationBuilder.DropTable(
                name: "application_documents");

            migrationBuilder.DropTable(
                name: "application_extensions");

            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserPasskeys");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "audit_checkpoints");

            migrationBuilder.DropTable(
                name: "audit_events");

            migrationBuilder.DropTable(
                name: "case_notes");

            migrationBuilder.DropTable(
                name: "counters");

            migrationBuilder.DropTable(
                name: "data_protection_keys");

            migrationBuilder.DropTable(
                name: "delay_notices");

            migrationBuilder.DropTable(
                name: "holiday_overrides");

            migrationBuilder.DropTable(
                name: "holiday_years");

            migrationBuilder.DropTable(
                name: "idempotency_records");

            migrationBuilder.DropTable(
                name: "inbox_messages");

            migrationBuilder.DropTable(
                name: "inspection_photos");

            migrationBuilder.DropTable(
                name: "offices");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "payments");

            migrationBuilder.DropTable(
                name: "permits");

            migrationBuilder.DropTable(
                name: "rollout_decisions");

            migrationBuilder.DropTable(
                name: "stats_lead_times");

            migrationBuilder.DropTable(
                name: "stats_open_files");

            migrationBuilder.DropTable(
                name: "stats_rollups");

            migrationBuilder.DropTable(
                name: "version_schedules");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "uploaded_files");

            migrationBuilder.DropTable(
                name: "invoices");

            migrationBuilder.DropTable(
                name: "applications");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "districts");

            migrationBuilder.DropTable(
                name: "sections");
        }
    }
}
