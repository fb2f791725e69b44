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
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true),
                    tenant_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false, defaultValue: "bma")
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
                    sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    signed_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    key_id = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    note = table.Column<string>(type: "text", nullable: false),
                    tenant_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false, defaultValue: "bma")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_checkpoints", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "audit_events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
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
                    hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    tenant_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false, defaultValue: "bma")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "counters",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Value = table.Column<long>(type: "INTEGER", nullable: false),
                    tenant_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false, defaultValue: "bma")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_counters", x => x.Key);
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
                    NameTh = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    GroupTh = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    GroupEn = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Pilot = table.Column<bool>(type: "INTEGER", nullable: false),
                    tenant_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false, defaultValue: "bma")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_districts", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "holiday_overrides",
                columns: table => new
                {
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Removed = table.Column<bool>(type: "INTEGER", nullable: false),
                    NameTh = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Confirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ChangedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    tenant_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false, defaultValue: "bma")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_holiday_overrides", x => x.Date);
                });

            migrationBuilder.CreateTable(
                name: "holiday_years",
                columns: table => new
                {
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    ImportedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ImportedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    tenant_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false, defaultValue: "bma")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_holiday_years", x => x.Year);
                });

            migrationBuilder.CreateTable(
                name: "idempotency_records",
                columns: table => new
                {
                    Caller = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RequestHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Completed = table.Column<bool>(type: "INTEGER", nullable: false),
                    StatusCode = table.Column<int>(type: "INTEGER", nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Location = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Body = table.Column<byte[]>(type: "BLOB", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    tenant_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false, defaultValue: "bma")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_idempotency_records", x => new { x.Caller, x.Key });
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
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
                    last_error = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    tenant_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false, defaultValue: "bma")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outbox_messages", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "rollout_decisions",
                columns: table => new
                {
                    ServiceCode = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DistrictCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    OpensFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ChangedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    tenant_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false, defaultValue: "bma")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rollout_decisions", x => new { x.ServiceCode, x.DistrictCode });
                });

            migrationBuilder.CreateTable(
                name: "sections",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    NameTh = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    tenant_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false, defaultValue: "bma")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sections", x => x.Code);
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
                    count = table.Column<long>(type: "INTEGER", nullable: false),
                    tenant_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false, defaultValue: "bma")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stats_lead_times", x => new { x.month, x.district_code, x.section_code, x.service_code, x.bucket });
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
                    count = table.Column<long>(type: "INTEGER", nullable: false),
                    tenant_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false, defaultValue: "bma")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stats_open_files", x => new { x.received_month, x.district_code, x.section_code, x.service_code, x.legal_deadline, x.with_applicant });
                });

            migrationBuilder.CreateTable(
                name: "stats_rollups",
                columns: table => new
                {
                    month = table.Column<int>(type: "INTEGER", nullable: false),
                    district_code = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    section_code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    service_code = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    received = table.Column<long>(type: "INTEGER", nullable: false),
                    decided = table.Column<long>(type: "INTEGER", nullable: false),
                    on_time = table.Column<long>(type: "INTEGER", nullable: false),
                    refused = table.Column<long>(type: "INTEGER", nullable: false),
                    deficiency_records = table.Column<long>(type: "INTEGER", nullable: false),
                    lapsed = table.Column<long>(type: "INTEGER", nullable: false),
                    withdrawn = table.Column<long>(type: "INTEGER", nullable: false),
                    lead_minutes = table.Column<long>(type: "INTEGER", nullable: false),
                    office_minutes = table.Column<long>(type: "INTEGER", nullable: false),
                    applicant_minutes = table.Column<long>(type: "INTEGER", nullable: false),
                    tenant_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false, defaultValue: "bma")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stats_rollups", x => new { x.month, x.district_code, x.section_code, x.service_code });
                });

            migrationBuilder.CreateTable(
                name: "version_schedules",
                columns: table => new
                {
                    ServiceCode = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ChangedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    tenant_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false, defaultValue: "bma")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_version_schedules", x => new { x.ServiceCode, x.Version });
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true),
                    tenant_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false, defaultValue: "bma")
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
                    tenant_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false, defaultValue: "bma"),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", nullable: true),
                    SecurityStamp = table.Column<string>(type: "TEXT", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumber = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUsers_districts_DistrictCode",
                        column: x => x.DistrictCode,
                        principalTable: "districts",
                        principalColumn: "Code");
                    table.ForeignKey(
                        name: "FK_AspNetUsers_sections_SectionCode",
                        column: x => x.SectionCode,
                        principalTable: "sections",
                        principalColumn: "Code");
                });

            migrationBuilder.CreateTable(
                name: "offices",
                columns: table => new
                {
                    DistrictCode = table.Column<string>(type: "TEXT", nullable: false),
                    SectionCode = table.Column<string>(type: "TEXT", nullable: false),
                    tenant_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false, defaultValue: "bma")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_offices", x => new { x.DistrictCode, x.SectionCode });
                    table.ForeignKey(
                        name: "FK_offices_districts_DistrictCode",
                        column: x => x.DistrictCode,
                        principalTable: "districts",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_offices_sections_SectionCode",
                        column: x => x.SectionCode,
                        principalTable: "sections",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "api_tokens",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Prefix = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RevokedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastUsedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    tenant_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false, defaultValue: "bma")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_api_tokens", x => x.Id);
                    table.ForeignKey(
                        name: "FK_api_tokens_AspNetUsers_AccountId",
                        column: x => x.AccountId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "applications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
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
                    IsSynthetic = table.Column<bool>(type: "INTEGER", nullable: false),
                    tenant_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false, defaultValue: "bma")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_applications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_applications_AspNetUsers_ApplicantAccountId",
                        column: x => x.ApplicantAccountId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_applications_districts_DistrictCode",
                        column: x => x.DistrictCode,
                        principalTable: "districts",
                        principalColumn: "Code",
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
                    tenant_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false, defaultValue: "bma")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderKey = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "TEXT", nullable: true),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    tenant_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false, defaultValue: "bma")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserPasskeys",
                columns: table => new
                {
                    CredentialId = table.Column<byte[]>(type: "BLOB", maxLength: 1024, nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    tenant_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false, defaultValue: "bma"),
                    Data = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserPasskeys", x => x.CredentialId);
                    table.ForeignKey(
                        name: "FK_AspNetUserPasskeys_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    tenant_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false, defaultValue: "bma")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: true),
                    tenant_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false, defaultValue: "bma")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "inbox_messages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecipientAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TitleTh = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    BodyTh = table.Column<string>(type: "TEXT", nullable: false),
                    BodyEn = table.Column<string>(type: "TEXT", nullable: false),
                    Link = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReadAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    tenant_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false, defaultValue: "bma")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inbox_messages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_inbox_messages_AspNetUsers_RecipientAccountId",
                        column: x => x.RecipientAccountId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "uploaded_files",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Bytes = table.Column<long>(type: "INTEGER", nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    OriginalName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Scan = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ScannedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ScanAttempts = table.Column<int>(type: "INTEGER", nullable: false),
                    ScanSignature = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    tenant_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false, defaultValue: "bma")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_uploaded_files", x => x.Id);
                    table.ForeignKey(
                        name: "FK_uploaded_files_AspNetUsers_AccountId",
                        column: x => x.AccountId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
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
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_application_extensions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_application_extensions_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "case_notes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    tenant_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false, defaultValue: "bma")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_notes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_case_notes_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "delay_notices",
                columns: table => new
                {
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    tenant_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false, defaultValue: "bma")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_delay_notices", x => new { x.ApplicationId, x.DueOn });
                    table.ForeignKey(
                        name: "FK_delay_notices_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "invoices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DistrictCode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    AmountSatang = table.Column<long>(type: "INTEGER", nullable: false),
                    Lines = table.Column<string>(type: "TEXT", nullable: false),
                    Reference1 = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Reference2 = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    IssuedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PaidAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    tenant_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false, defaultValue: "bma")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_invoices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_invoices_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "permits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
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
                    RevocationReasons = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    tenant_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false, defaultValue: "bma")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_permits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_permits_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "application_documents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ItemCode = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    UploadedFileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AttachedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AnswersDeficiency = table.Column<bool>(type: "INTEGER", nullable: false),
                    tenant_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false, defaultValue: "bma")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_application_documents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_application_documents_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_application_documents_uploaded_files_UploadedFileId",
                        column: x => x.UploadedFileId,
                        principalTable: "uploaded_files",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "inspection_photos",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UploadedFileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TakenBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    AttachedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    tenant_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false, defaultValue: "bma")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inspection_photos", x => x.Id);
                    table.ForeignKey(
                        name: "FK_inspection_photos_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_inspection_photos_uploaded_files_UploadedFileId",
                        column: x => x.UploadedFileId,
                        principalTable: "uploaded_files",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "payments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TransactionId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    InvoiceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AmountSatang = table.Column<long>(type: "INTEGER", nullable: false),
                    PaidAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReceiptNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    BodySha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    tenant_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false, defaultValue: "bma")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_payments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_payments_invoices_InvoiceId",
                        column: x => x.InvoiceId,
                        principalTable: "invoices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_api_tokens_AccountId_tenant_id",
                table: "api_tokens",
                columns: new[] { "AccountId", "tenant_id" });

            migrationBuilder.CreateIndex(
                name: "IX_api_tokens_TokenHash_tenant_id",
                table: "api_tokens",
                columns: new[] { "TokenHash", "tenant_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_application_documents_ApplicationId_ItemCode_tenant_id",
                table: "application_documents",
                columns: new[] { "ApplicationId", "ItemCode", "tenant_id" });

            migrationBuilder.CreateIndex(
                name: "IX_application_documents_UploadedFileId_tenant_id",
                table: "application_documents",
                columns: new[] { "UploadedFileId", "tenant_id" });

            migrationBuilder.CreateIndex(
                name: "IX_application_extensions_ApplicationId",
                table: "application_extensions",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_applications_ApplicantAccountId_UpdatedAt_tenant_id",
                table: "applications",
                columns: new[] { "ApplicantAccountId", "UpdatedAt", "tenant_id" });

            migrationBuilder.CreateIndex(
                name: "IX_applications_AssignedTo_tenant_id",
                table: "applications",
                columns: new[] { "AssignedTo", "tenant_id" });

            migrationBuilder.CreateIndex(
                name: "IX_applications_DistrictCode_SectionCode_Status_LegalDeadline_tenant_id",
                table: "applications",
                columns: new[] { "DistrictCode", "SectionCode", "Status", "LegalDeadline", "tenant_id" });

            migrationBuilder.CreateIndex(
                name: "IX_applications_Reference_tenant_id",
                table: "applications",
                columns: new[] { "Reference", "tenant_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetRoleClaims_RoleId_tenant_id",
                table: "AspNetRoleClaims",
                columns: new[] { "RoleId", "tenant_id" });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetRoles_NormalizedName_tenant_id",
                table: "AspNetRoles",
                columns: new[] { "NormalizedName", "tenant_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId_tenant_id",
                table: "AspNetUserClaims",
                columns: new[] { "UserId", "tenant_id" });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId_tenant_id",
                table: "AspNetUserLogins",
                columns: new[] { "UserId", "tenant_id" });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserPasskeys_UserId_tenant_id",
                table: "AspNetUserPasskeys",
                columns: new[] { "UserId", "tenant_id" });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId_tenant_id",
                table: "AspNetUserRoles",
                columns: new[] { "RoleId", "tenant_id" });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_DistrictCode_SectionCode_Role_tenant_id",
                table: "AspNetUsers",
                columns: new[] { "DistrictCode", "SectionCode", "Role", "tenant_id" });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_NormalizedEmail_tenant_id",
                table: "AspNetUsers",
                columns: new[] { "NormalizedEmail", "tenant_id" });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_NormalizedUserName_tenant_id",
                table: "AspNetUsers",
                columns: new[] { "NormalizedUserName", "tenant_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_SectionCode_tenant_id",
                table: "AspNetUsers",
                columns: new[] { "SectionCode", "tenant_id" });

            migrationBuilder.CreateIndex(
                name: "IX_audit_checkpoints_sequence_tenant_id",
                table: "audit_checkpoints",
                columns: new[] { "sequence", "tenant_id" });

            migrationBuilder.CreateIndex(
                name: "IX_audit_events_sequence_tenant_id",
                table: "audit_events",
                columns: new[] { "sequence", "tenant_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_audit_events_subject_type_subject_id_tenant_id",
                table: "audit_events",
                columns: new[] { "subject_type", "subject_id", "tenant_id" });

            migrationBuilder.CreateIndex(
                name: "IX_case_notes_ApplicationId_CreatedAt_tenant_id",
                table: "case_notes",
                columns: new[] { "ApplicationId", "CreatedAt", "tenant_id" });

            migrationBuilder.CreateIndex(
                name: "IX_idempotency_records_ExpiresAt_tenant_id",
                table: "idempotency_records",
                columns: new[] { "ExpiresAt", "tenant_id" });

            migrationBuilder.CreateIndex(
                name: "IX_inbox_messages_RecipientAccountId_CreatedAt_tenant_id",
                table: "inbox_messages",
                columns: new[] { "RecipientAccountId", "CreatedAt", "tenant_id" });

            migrationBuilder.CreateIndex(
                name: "IX_inspection_photos_ApplicationId_tenant_id",
                table: "inspection_photos",
                columns: new[] { "ApplicationId", "tenant_id" });

            migrationBuilder.CreateIndex(
                name: "IX_inspection_photos_UploadedFileId_tenant_id",
                table: "inspection_photos",
                columns: new[] { "UploadedFileId", "tenant_id" });

            migrationBuilder.CreateIndex(
                name: "IX_invoices_ApplicationId_tenant_id",
                table: "invoices",
                columns: new[] { "ApplicationId", "tenant_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_invoices_Number_tenant_id",
                table: "invoices",
                columns: new[] { "Number", "tenant_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_invoices_Reference2_tenant_id",
                table: "invoices",
                columns: new[] { "Reference2", "tenant_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_offices_SectionCode_tenant_id",
                table: "offices",
                columns: new[] { "SectionCode", "tenant_id" });

            migrationBuilder.CreateIndex(
                name: "IX_outbox_messages_locked_by_tenant_id",
                table: "outbox_messages",
                columns: new[] { "locked_by", "tenant_id" });

            migrationBuilder.CreateIndex(
                name: "IX_outbox_messages_sent_at_next_attempt_at_tenant_id",
                table: "outbox_messages",
                columns: new[] { "sent_at", "next_attempt_at", "tenant_id" });

            migrationBuilder.CreateIndex(
                name: "IX_payments_InvoiceId_tenant_id",
                table: "payments",
                columns: new[] { "InvoiceId", "tenant_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_payments_ReceiptNumber_tenant_id",
                table: "payments",
                columns: new[] { "ReceiptNumber", "tenant_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_payments_TransactionId_tenant_id",
                table: "payments",
                columns: new[] { "TransactionId", "tenant_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_permits_ApplicationId_tenant_id",
                table: "permits",
                columns: new[] { "ApplicationId", "tenant_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_permits_DistrictCode_ServiceCode_IssuedOn_tenant_id",
                table: "permits",
                columns: new[] { "DistrictCode", "ServiceCode", "IssuedOn", "tenant_id" });

            migrationBuilder.CreateIndex(
                name: "IX_permits_Number_tenant_id",
                table: "permits",
                columns: new[] { "Number", "tenant_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_stats_lead_times_district_code_month_tenant_id",
                table: "stats_lead_times",
                columns: new[] { "district_code", "month", "tenant_id" });

            migrationBuilder.CreateIndex(
                name: "IX_stats_open_files_district_code_received_month_tenant_id",
                table: "stats_open_files",
                columns: new[] { "district_code", "received_month", "tenant_id" });

            migrationBuilder.CreateIndex(
                name: "IX_stats_rollups_district_code_month_tenant_id",
                table: "stats_rollups",
                columns: new[] { "district_code", "month", "tenant_id" });

            migrationBuilder.CreateIndex(
                name: "IX_uploaded_files_AccountId_tenant_id",
                table: "uploaded_files",
                columns: new[] { "AccountId", "tenant_id" });

            migrationBuilder.CreateIndex(
                name: "IX_uploaded_files_Scan_tenant_id",
                table: "uploaded_files",
                columns: new[] { "Scan", "tenant_id" });

            migrationBuilder.CreateIndex(
                name: "IX_uploaded_files_Sha256_tenant_id",
                table: "uploaded_files",
                columns: new[] { "Sha256", "tenant_id" });
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
