using System.Text.RegularExpressions;

namespace Anuyat.Infrastructure.Audit;

/// <summary>
/// PostgreSQL hardening of the audit tables (issue 8): the app's role may only read and insert, and a trigger refuses
/// UPDATE, DELETE and TRUNCATE for everyone, the owner included, so a tampering attempt needs a superuser who first
/// drops the trigger — and that still leaves the signed checkpoints exported off the box to contradict the rewrite.
/// Run by the deployment with the owner's credentials: <c>db harden --app-role anuyat_app</c>. The app role must not
/// own the tables (owners bypass grants).
/// </summary>
public static partial class AuditHardening
{
    public static string Sql(string appRole)
    {
        if (!RoleName().IsMatch(appRole))
        {
            throw new ArgumentException("The role must be a plain PostgreSQL identifier (a-z, 0-9, _).", nameof(appRole));
        }

        return $"""
            REVOKE UPDATE, DELETE, TRUNCATE ON audit_events, audit_checkpoints FROM "{appRole}";
            GRANT SELECT, INSERT ON audit_events, audit_checkpoints TO "{appRole}";
            CREATE OR REPLACE FUNCTION anuyat_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              RAISE EXCEPTION 'audit tables are append-only (% on %)', TG_OP, TG_TABLE_NAME;
            END $$;
            DROP TRIGGER IF EXISTS audit_events_append_only ON audit_events;
            CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events FOR EACH ROW EXECUTE FUNCTION anuyat_audit_append_only();
            DROP TRIGGER IF EXISTS audit_events_no_truncate ON audit_events;
            CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events FOR EACH STATEMENT EXECUTE FUNCTION anuyat_audit_append_only();
            DROP TRIGGER IF EXISTS audit_checkpoints_append_only ON audit_checkpoints;
            CREATE TRIGGER audit_checkpoints_append_only BEFORE UPDATE OR DELETE ON audit_checkpoints FOR EACH ROW EXECUTE FUNCTION anuyat_audit_append_only();
            """;
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex RoleName();
}
