-- name: roles, privileges and row-level security of the court server (re-applied by `server setup`)

-- Applied by `workload server setup` after the migrations, every time it runs, inside one
-- transaction as `workload_owner` (SET LOCAL ROLE): everything here is idempotent
-- (CREATE OR REPLACE FUNCTION/VIEW, DROP … IF EXISTS + CREATE, GRANT/REVOKE).
-- Portable subset only (README, "Compatible servers"; tests/server/test_sql_portability.py):
-- no DO blocks, no policy FOR INSERT or WITH CHECK, every ON CONFLICT names its target.
--
-- Who is who
--   workload_owner          NOLOGIN, CREATEROLE, member of pg_signal_backend. Owns every table,
--                           view, sequence and function. Nobody logs in as it; it acts only through
--                           the SECURITY DEFINER functions below (search_path pinned in each).
--   workload_admin          管理员: the tables (audit: read only), accounts, publishing parameters.
--   workload_personnel      人事: the tables but accounts (read) and audit (read only).
--   workload_division_head  庭长 } no privilege on any table of the court: they read the views of
--   workload_judge          法官 } schema workload_scope and write through functions (below).
-- Each application account is a LOGIN role named as `users.login`, member of one group; its own
-- role settings (search_path, timeouts) are set by workload_apply_login_settings. Inside a
-- SECURITY DEFINER function current_user is the owner, so the functions read `session_user`: the
-- login that connected (a client can only SET ROLE to its own group, which has no `users` row).
--
-- What a 法官 / 庭长 reads: workload_scope.<table>, a view over workload_scoped_<table>(), a
-- SECURITY DEFINER function that computes the login's rows itself. The login's own conditions
-- run only on those rows: no plan, count, timing or error of its queries depends on a row
-- outside them. Scope:
--   cases              法官: responsible judge or panel member (the panel text split on
--                      、,，;； spaces and / as core.standard.split_panel does); 庭长: also its
--                      division's cases.
--   case_results, held_reasons, page_reviews, pending_reasons: the rows of those cases.
--   judges, judge_credit, quota_plans: every judge, but only the login's own (and a 庭长's
--                      division's) under their names; any other as "#<judges.id>": the court's
--                      totals, ranks and comparisons are the same, the names are not there.
--   quota_overrides    the named judges'; queries: its own and those on the named judges' cases.
--   users              its own row.
--   divisions, division_moves, import_batches, meta (but demo_accounts), param_sets,
--   computations, mapping_profiles, year_versions, reference_averages, schema_migrations: all.
--   audit_log, case_history, roster_history, write_lock: nothing.
-- What a 法官 / 庭長 writes (each stamps the login and the server's time and records itself):
--   workload_ask_query, workload_ask_about_judge (a 法官 its own quota or figures, a 庭长 also
--   its division's judges'), workload_record_pending_reason (the responsible judge; 管理员 too),
--   workload_change_own_password (every account); workload_audit: only its log-in and log-out.
--
-- The audit trail: workload_audit(action, target, before, after) (every account) appends a row
-- whose id, who, role, time and hash are the server's, under a lock on audit_log that no login
-- can take; its head in meta is the server's too (trigger workload_meta_head). Nobody has
-- INSERT, UPDATE, DELETE or TRUNCATE on audit_log; its triggers refuse UPDATE and DELETE even to
-- the owner. Every change to the court's tables made in a transaction without such a row is
-- summed up at commit in one row "server.change" (tables, statements, rows), by the login that
-- made it (triggers workload_change_*, workload_flush_changes).
--
-- Row-level security (ENABLE + FORCE) stays on the tables for the court-wide logins (every row)
-- and the owner; the restricted logins never reach the tables.
--
-- Account functions (SECURITY DEFINER, owner; EXECUTE for workload_admin only, not PUBLIC):
--   workload_create_login(login, grp, password), workload_set_login_enabled(login, enabled),
--   workload_reset_login_password(login, password), workload_set_login_group(login, grp).
-- The password given is a SCRAM verifier computed by the client (the clear text never reaches the
-- server's statement log), or with the compatibility setting the password itself.

-- ---------------------------------------------------------------- who is acting

CREATE OR REPLACE FUNCTION workload_account_role() RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT role FROM users WHERE login = session_user::text AND active = 1
$$;

CREATE OR REPLACE FUNCTION workload_account_judge() RETURNS bigint
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT judge_id FROM users WHERE login = session_user::text AND active = 1
$$;

CREATE OR REPLACE FUNCTION workload_account_judge_name() RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT j.name FROM users u JOIN judges j ON j.id = u.judge_id
    WHERE u.login = session_user::text AND u.active = 1
$$;

CREATE OR REPLACE FUNCTION workload_account_division() RETURNS bigint
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT u.division_id FROM users u
    WHERE u.login = session_user::text AND u.active = 1 AND u.role = 'division_head'
$$;

CREATE OR REPLACE FUNCTION workload_court_wide() RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT COALESCE((SELECT role IN ('admin', 'personnel') FROM users
                     WHERE login = session_user::text AND active = 1), false)
$$;

CREATE OR REPLACE FUNCTION workload_role_label() RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT CASE role WHEN 'admin' THEN '管理员' WHEN 'personnel' THEN '人事'
                     WHEN 'division_head' THEN '庭长' WHEN 'judge' THEN '法官' END
    FROM users WHERE login = session_user::text AND active = 1
$$;

-- How the login appears on what it writes for others to read (a query's asker): its linked
-- judge's name, else its account's display name, else the login.
CREATE OR REPLACE FUNCTION workload_account_shown_name() RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT COALESCE(j.name, NULLIF(u.display_name, ''), u.login)
    FROM users u LEFT JOIN judges j ON j.id = u.judge_id
    WHERE u.login = session_user::text AND u.active = 1
$$;

-- The audit chain's head, for appending: a 法官 reads no audit row, yet chains onto the last one.
CREATE OR REPLACE FUNCTION workload_audit_head() RETURNS TABLE (id bigint, hash text)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT a.id, a.hash FROM audit_log a ORDER BY a.id DESC LIMIT 1
$$;

-- Before version 19 a login marked its own password as changed with any text: gone (see
-- workload_change_own_password, which sets the password itself).
DROP FUNCTION IF EXISTS workload_password_changed(text);

-- ---------------------------------------------------------------- accounts (管理员)

CREATE OR REPLACE FUNCTION workload_check_login(login text) RETURNS text
    LANGUAGE plpgsql IMMUTABLE SET search_path = public, pg_temp AS $$
BEGIN
    IF login IS NULL OR login !~ '^[a-z0-9_]{1,63}$' OR login LIKE 'pg\_%' OR login LIKE 'workload\_%' THEN
        RAISE EXCEPTION 'workload: invalid login name %', quote_literal(COALESCE(login, ''))
            USING ERRCODE = '22023';
    END IF;
    RETURN login;
END;
$$;

CREATE OR REPLACE FUNCTION workload_group(grp text) RETURNS text
    LANGUAGE plpgsql IMMUTABLE SET search_path = public, pg_temp AS $$
BEGIN
    IF grp IN ('admin', 'personnel', 'division_head', 'judge') THEN
        RETURN 'workload_' || grp;
    END IF;
    RAISE EXCEPTION 'workload: unknown group %', quote_literal(COALESCE(grp, '')) USING ERRCODE = '22023';
END;
$$;

-- An existing application account: a plain login role, member of one of the four groups.
CREATE OR REPLACE FUNCTION workload_check_account(login text) RETURNS text
    LANGUAGE plpgsql STABLE SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM workload_check_login(login);
    IF NOT EXISTS (
        SELECT 1 FROM pg_roles r
        WHERE r.rolname = login AND NOT r.rolsuper AND NOT r.rolcreaterole AND NOT r.rolcreatedb
          AND NOT r.rolreplication AND NOT r.rolbypassrls
          AND EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
                      WHERE m.member = r.oid AND g.rolname IN ('workload_admin', 'workload_personnel',
                                                               'workload_division_head', 'workload_judge'))
    ) THEN
        RAISE EXCEPTION 'workload: % is not an account of this program', quote_literal(login)
            USING ERRCODE = '42704';
    END IF;
    RETURN login;
END;
$$;

CREATE OR REPLACE FUNCTION workload_create_login(login text, grp text, password text) RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM workload_check_login(login);
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = login) THEN
        RAISE EXCEPTION 'workload: login % already exists on the server', quote_literal(login)
            USING ERRCODE = '42710';
    END IF;
    IF password IS NULL OR length(password) = 0 THEN
        RAISE EXCEPTION 'workload: a new login needs a password' USING ERRCODE = '22023';
    END IF;
    EXECUTE format('CREATE ROLE %I LOGIN INHERIT NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD %L IN ROLE %I',
                   login, password, workload_group(grp));
    PERFORM workload_apply_login_settings(login);
END;
$$;

CREATE OR REPLACE FUNCTION workload_set_login_enabled(login text, enabled boolean) RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM workload_check_account(login);
    EXECUTE format('ALTER ROLE %I %s', login, CASE WHEN enabled THEN 'LOGIN' ELSE 'NOLOGIN' END);
END;
$$;

CREATE OR REPLACE FUNCTION workload_reset_login_password(login text, password text) RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM workload_check_account(login);
    IF password IS NULL OR length(password) = 0 THEN
        RAISE EXCEPTION 'workload: empty password' USING ERRCODE = '22023';
    END IF;
    EXECUTE format('ALTER ROLE %I PASSWORD %L', login, password);
END;
$$;

CREATE OR REPLACE FUNCTION workload_set_login_group(login text, grp text) RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    other text;
BEGIN
    PERFORM workload_check_account(login);
    FOR other IN SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
                 JOIN pg_roles r ON r.oid = m.member
                 WHERE r.rolname = login AND g.rolname IN ('workload_admin', 'workload_personnel',
                                                           'workload_division_head', 'workload_judge')
                   AND g.rolname <> workload_group(grp)
    LOOP
        EXECUTE format('REVOKE %I FROM %I', other, login);
    END LOOP;
    EXECUTE format('GRANT %I TO %I', workload_group(grp), login);
    PERFORM workload_apply_login_settings(login);
END;
$$;

-- ---------------------------------------------------------------- the court's clock

CREATE OR REPLACE FUNCTION workload_now() RETURNS text
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT to_char(clock_timestamp() AT TIME ZONE
                   COALESCE((SELECT s.value FROM server_settings s WHERE s.key = 'time_zone'), 'UTC'),
                   'YYYY-MM-DD"T"HH24:MI:SS')
$$;

-- Whether the connected login is a superuser (setup, migrations, a DBA): such a session can switch
-- every trigger off anyway, so its changes are not summed up by the change triggers.
CREATE OR REPLACE FUNCTION workload_session_is_superuser() RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT COALESCE((SELECT r.rolsuper FROM pg_roles r WHERE r.rolname = session_user::text), false)
$$;

-- ---------------------------------------------------------------- the audit trail, written by the server

-- The text the chain hashes: core.audit_chain.canonical (compact JSON, keys sorted), so that
-- `audit verify` re-walks rows written here exactly as rows written on a file.
CREATE OR REPLACE FUNCTION workload_audit_canonical(
    p_id bigint, p_at text, p_user text, p_role text, p_action text, p_target text, p_before text, p_after text
) RETURNS text LANGUAGE sql IMMUTABLE SET search_path = public, pg_temp AS $$
    SELECT '{"action":' || to_json(p_action)::text
        || ',"after":' || COALESCE(to_json(p_after)::text, 'null')
        || ',"at":' || to_json(p_at)::text
        || ',"before":' || COALESCE(to_json(p_before)::text, 'null')
        || ',"id":' || p_id::text
        || ',"role":' || to_json(p_role)::text
        || ',"target":' || to_json(p_target)::text
        || ',"user":' || to_json(p_user)::text || '}'
$$;

-- Restricted logins never hold the chain longer than one call of the server's functions: one
-- that still holds it after the wait (an open transaction left idle, a long statement) is ended.
-- A court-wide holder is waited for; the caller then gets lock_not_available (the program's
-- "busy" message).
CREATE OR REPLACE FUNCTION workload_lock_chain() RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp SET lock_timeout = '2s' AS $$
DECLARE
    holder integer;
    ended integer;
BEGIN
    FOR attempt IN 1..4 LOOP
        BEGIN
            LOCK TABLE audit_log IN SHARE ROW EXCLUSIVE MODE;
            RETURN;
        EXCEPTION WHEN lock_not_available THEN
            ended := 0;
            FOR holder IN
                SELECT DISTINCT l.pid FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
                WHERE l.locktype = 'relation' AND l.relation = 'audit_log'::regclass AND l.granted
                  AND l.pid <> pg_backend_pid()
                  AND (pg_has_role(a.usesysid, 'workload_judge', 'MEMBER')
                       OR pg_has_role(a.usesysid, 'workload_division_head', 'MEMBER'))
            LOOP
                PERFORM pg_terminate_backend(holder);
                ended := ended + 1;
            END LOOP;
            IF ended = 0 OR attempt = 4 THEN
                RAISE EXCEPTION 'workload: the audit trail is held by another login' USING ERRCODE = '55P03';
            END IF;
            PERFORM pg_sleep(0.2);
        END;
    END LOOP;
END;
$$;

-- Append one row: the id (the head's plus one), who (the connected login's account), the role
-- (that account's), the time (the server's clock) and the hash are the server's.
CREATE OR REPLACE FUNCTION workload_audit_append(p_action text, p_target text, p_before text, p_after text)
    RETURNS bigint LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v_user text;
    v_role text;
    v_id bigint;
    v_prev text;
    v_at text;
    v_hash text;
BEGIN
    IF p_action IS NULL OR p_action !~ '^[a-z_]+(\.[a-z_]+)?$' THEN
        RAISE EXCEPTION 'workload: invalid audit action' USING ERRCODE = '22023';
    END IF;
    SELECT COALESCE(NULLIF(u.display_name, ''), u.login),
           CASE u.role WHEN 'admin' THEN '管理员' WHEN 'personnel' THEN '人事'
                       WHEN 'division_head' THEN '庭长' WHEN 'judge' THEN '法官' END
      INTO v_user, v_role
      FROM users u WHERE u.login = session_user::text AND u.active = 1;
    IF v_user IS NULL THEN
        IF NOT workload_session_is_superuser() THEN
            RAISE EXCEPTION 'workload: % has no active account', session_user USING ERRCODE = '42501';
        END IF;
        v_user := session_user::text;
        v_role := '数据库管理员';
    END IF;
    PERFORM workload_lock_chain();
    SELECT a.id, a.hash INTO v_id, v_prev FROM audit_log a ORDER BY a.id DESC LIMIT 1;
    v_id := COALESCE(v_id, 0) + 1;
    v_prev := COALESCE(v_prev, repeat('0', 64));
    v_at := workload_now();
    v_hash := encode(sha256(convert_to(v_prev || workload_audit_canonical(
        v_id, v_at, v_user, v_role, p_action, COALESCE(p_target, ''), p_before, p_after), 'UTF8')), 'hex');
    INSERT INTO audit_log (id, at, "user", role, action, target, before, after, prev_hash, hash)
    VALUES (v_id, v_at, v_user, v_role, p_action, COALESCE(p_target, ''), p_before, p_after, v_prev, v_hash);
    INSERT INTO meta (key, value) VALUES ('audit_head', v_id::text || ':' || v_hash)
    ON CONFLICT (key) DO UPDATE SET value = excluded.value;
    RETURN v_id;
END;
$$;

CREATE OR REPLACE FUNCTION workload_mark_audited() RETURNS void
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    DELETE FROM audit_marks m WHERE m.txid < txid_current() - 1000000;
    INSERT INTO audit_marks (txid) VALUES (txid_current()) ON CONFLICT (txid) DO NOTHING;
$$;

-- What the program records (action, target, before, after): the row is the server's, and the
-- transaction's changes are described by it (audit_marks). A 法官/庭长 records only its own
-- log-in and log-out here; its other writes are the functions below, which record themselves.
CREATE OR REPLACE FUNCTION workload_audit(p_action text, p_target text, p_before text, p_after text)
    RETURNS bigint LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v_id bigint;
BEGIN
    IF NOT workload_court_wide() AND NOT workload_session_is_superuser() THEN
        IF p_action NOT IN ('user.login', 'user.logout') THEN
            RAISE EXCEPTION 'workload: a restricted login records only its log-in and log-out'
                USING ERRCODE = '42501';
        END IF;
        p_target := session_user::text;
        p_before := NULL;
        p_after := NULL;
    END IF;
    PERFORM workload_mark_audited();
    RETURN workload_audit_append(p_action, p_target, p_before, p_after);
END;
$$;

-- ---------------------------------------------------------------- every change recorded

-- After each statement on a court table (the row counts from its transition tables): unless the
-- transaction carries an audit row of the program's, the count joins pending_changes. Statements
-- run by triggers (year_versions bumped for each case, cascaded deletes, the trail's own head)
-- are part of the statement that caused them: the triggers fire only at depth 0.
CREATE OR REPLACE FUNCTION workload_note_change() RETURNS trigger
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    n bigint;
BEGIN
    IF pg_trigger_depth() > 1 OR workload_session_is_superuser()
       OR EXISTS (SELECT 1 FROM audit_marks m WHERE m.txid = txid_current()) THEN
        RETURN NULL;
    END IF;
    IF TG_NARGS > 0 THEN
        n := 1;  -- a table counted by statements
    ELSIF TG_OP = 'INSERT' THEN
        SELECT count(*) INTO n FROM new_rows;
    ELSIF TG_OP = 'UPDATE' THEN
        SELECT count(*) INTO n FROM new_rows;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT count(*) INTO n FROM old_rows;
    ELSE
        n := 0;  -- TRUNCATE: every row
    END IF;
    IF n = 0 AND TG_OP <> 'TRUNCATE' THEN
        RETURN NULL;
    END IF;
    INSERT INTO pending_changes (txid, tbl, op, n) VALUES (txid_current(), TG_TABLE_NAME, TG_OP, n)
    ON CONFLICT (txid, tbl, op) DO UPDATE SET n = pending_changes.n + excluded.n;
    RETURN NULL;
END;
$$;

-- At commit (a deferred constraint trigger): the transaction's counted changes as one audit row
-- "server.change" by the connected login, unless the program's audited action covers them.
CREATE OR REPLACE FUNCTION workload_flush_changes() RETURNS trigger
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v_txid bigint := txid_current();
    v_after text;
    v_target text;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pending_changes p WHERE p.txid = v_txid) THEN
        RETURN NULL;  -- summed up by an earlier firing in this transaction
    END IF;
    IF NOT EXISTS (SELECT 1 FROM audit_marks m WHERE m.txid = v_txid) THEN
        SELECT '{' || string_agg(to_json(t.tbl)::text || ': {' || t.ops || '}', ', ' ORDER BY t.tbl) || '}',
               string_agg(t.tbl, ', ' ORDER BY t.tbl)
          INTO v_after, v_target
          FROM (SELECT p.tbl, string_agg(to_json(p.op)::text || ': ' || p.n::text, ', ' ORDER BY p.op) AS ops
                FROM pending_changes p WHERE p.txid = v_txid GROUP BY p.tbl) t;
        PERFORM workload_audit_append('server.change', v_target, NULL, v_after);
    END IF;
    DELETE FROM pending_changes p WHERE p.txid = v_txid;
    RETURN NULL;
END;
$$;

DROP TRIGGER IF EXISTS workload_flush_changes ON pending_changes;
CREATE CONSTRAINT TRIGGER workload_flush_changes AFTER INSERT ON pending_changes
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION workload_flush_changes();

-- The court's tables whose changes are recorded (every table but the trail itself, the write
-- queue, the schema's version list and the server's own bookkeeping).
DROP TRIGGER IF EXISTS workload_change_ins ON divisions;
DROP TRIGGER IF EXISTS workload_change_upd ON divisions;
DROP TRIGGER IF EXISTS workload_change_del ON divisions;
DROP TRIGGER IF EXISTS workload_change_trunc ON divisions;
CREATE TRIGGER workload_change_ins AFTER INSERT ON divisions REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();
CREATE TRIGGER workload_change_upd AFTER UPDATE ON divisions REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();
CREATE TRIGGER workload_change_del AFTER DELETE ON divisions REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();
CREATE TRIGGER workload_change_trunc AFTER TRUNCATE ON divisions
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();

DROP TRIGGER IF EXISTS workload_change_ins ON judges;
DROP TRIGGER IF EXISTS workload_change_upd ON judges;
DROP TRIGGER IF EXISTS workload_change_del ON judges;
DROP TRIGGER IF EXISTS workload_change_trunc ON judges;
CREATE TRIGGER workload_change_ins AFTER INSERT ON judges REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();
CREATE TRIGGER workload_change_upd AFTER UPDATE ON judges REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();
CREATE TRIGGER workload_change_del AFTER DELETE ON judges REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();
CREATE TRIGGER workload_change_trunc AFTER TRUNCATE ON judges
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();

DROP TRIGGER IF EXISTS workload_change_ins ON import_batches;
DROP TRIGGER IF EXISTS workload_change_upd ON import_batches;
DROP TRIGGER IF EXISTS workload_change_del ON import_batches;
DROP TRIGGER IF EXISTS workload_change_trunc ON import_batches;
CREATE TRIGGER workload_change_ins AFTER INSERT ON import_batches REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();
CREATE TRIGGER workload_change_upd AFTER UPDATE ON import_batches REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();
CREATE TRIGGER workload_change_del AFTER DELETE ON import_batches REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();
CREATE TRIGGER workload_change_trunc AFTER TRUNCATE ON import_batches
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();

DROP TRIGGER IF EXISTS workload_change_ins ON cases;
DROP TRIGGER IF EXISTS workload_change_upd ON cases;
DROP TRIGGER IF EXISTS workload_change_del ON cases;
DROP TRIGGER IF EXISTS workload_change_trunc ON cases;
CREATE TRIGGER workload_change_ins AFTER INSERT ON cases REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();
CREATE TRIGGER workload_change_upd AFTER UPDATE ON cases REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();
CREATE TRIGGER workload_change_del AFTER DELETE ON cases REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();
CREATE TRIGGER workload_change_trunc AFTER TRUNCATE ON cases
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();

DROP TRIGGER IF EXISTS workload_change_ins ON case_history;
DROP TRIGGER IF EXISTS workload_change_upd ON case_history;
DROP TRIGGER IF EXISTS workload_change_del ON case_history;
DROP TRIGGER IF EXISTS workload_change_trunc ON case_history;
CREATE TRIGGER workload_change_ins AFTER INSERT ON case_history REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();
CREATE TRIGGER workload_change_upd AFTER UPDATE ON case_history REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();
CREATE TRIGGER workload_change_del AFTER DELETE ON case_history REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();
CREATE TRIGGER workload_change_trunc AFTER TRUNCATE ON case_history
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();

DROP TRIGGER IF EXISTS workload_change_ins ON meta;
DROP TRIGGER IF EXISTS workload_change_upd ON meta;
DROP TRIGGER IF EXISTS workload_change_del ON meta;
DROP TRIGGER IF EXISTS workload_change_trunc ON meta;
CREATE TRIGGER workload_change_ins AFTER INSERT ON meta REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();
CREATE TRIGGER workload_change_upd AFTER UPDATE ON meta REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();
CREATE TRIGGER workload_change_del AFTER DELETE ON meta REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();
CREATE TRIGGER workload_change_trunc AFTER TRUNCATE ON meta
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();

DROP TRIGGER IF EXISTS workload_change_ins ON param_sets;
DROP TRIGGER IF EXISTS workload_change_upd ON param_sets;
DROP TRIGGER IF EXISTS workload_change_del ON param_sets;
DROP TRIGGER IF EXISTS workload_change_trunc ON param_sets;
CREATE TRIGGER workload_change_ins AFTER INSERT ON param_sets REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();
CREATE TRIGGER workload_change_upd AFTER UPDATE ON param_sets REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();
CREATE TRIGGER workload_change_del AFTER DELETE ON param_sets REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();
CREATE TRIGGER workload_change_trunc AFTER TRUNCATE ON param_sets
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();

DROP TRIGGER IF EXISTS workload_change_ins ON computations;
DROP TRIGGER IF EXISTS workload_change_upd ON computations;
DROP TRIGGER IF EXISTS workload_change_del ON computations;
DROP TRIGGER IF EXISTS workload_change_trunc ON computations;
CREATE TRIGGER workload_change_ins AFTER INSERT ON computations REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();
CREATE TRIGGER workload_change_upd AFTER UPDATE ON computations REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();
CREATE TRIGGER workload_change_del AFTER DELETE ON computations REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();
CREATE TRIGGER workload_change_trunc AFTER TRUNCATE ON computations
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();

DROP TRIGGER IF EXISTS workload_change_ins ON case_results;
DROP TRIGGER IF EXISTS workload_change_upd ON case_results;
DROP TRIGGER IF EXISTS workload_change_del ON case_results;
DROP TRIGGER IF EXISTS workload_change_trunc ON case_results;
CREATE TRIGGER workload_change_ins AFTER INSERT ON case_results REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();
CREATE TRIGGER workload_change_upd AFTER UPDATE ON case_results REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();
CREATE TRIGGER workload_change_del AFTER DELETE ON case_results REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();
CREATE TRIGGER workload_change_trunc AFTER TRUNCATE ON case_results
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();

DROP TRIGGER IF EXISTS workload_change_ins ON quota_plans;
DROP TRIGGER IF EXISTS workload_change_upd ON quota_plans;
DROP TRIGGER IF EXISTS workload_change_del ON quota_plans;
DROP TRIGGER IF EXISTS workload_change_trunc ON quota_plans;
CREATE TRIGGER workload_change_ins AFTER INSERT ON quota_plans REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();
CREATE TRIGGER workload_change_upd AFTER UPDATE ON quota_plans REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();
CREATE TRIGGER workload_change_del AFTER DELETE ON quota_plans REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();
CREATE TRIGGER workload_change_trunc AFTER TRUNCATE ON quota_plans
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();

DROP TRIGGER IF EXISTS workload_change_ins ON quota_overrides;
DROP TRIGGER IF EXISTS workload_change_upd ON quota_overrides;
DROP TRIGGER IF EXISTS workload_change_del ON quota_overrides;
DROP TRIGGER IF EXISTS workload_change_trunc ON quota_overrides;
CREATE TRIGGER workload_change_ins AFTER INSERT ON quota_overrides REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();
CREATE TRIGGER workload_change_upd AFTER UPDATE ON quota_overrides REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();
CREATE TRIGGER workload_change_del AFTER DELETE ON quota_overrides REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();
CREATE TRIGGER workload_change_trunc AFTER TRUNCATE ON quota_overrides
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();

DROP TRIGGER IF EXISTS workload_change_ins ON mapping_profiles;
DROP TRIGGER IF EXISTS workload_change_upd ON mapping_profiles;
DROP TRIGGER IF EXISTS workload_change_del ON mapping_profiles;
DROP TRIGGER IF EXISTS workload_change_trunc ON mapping_profiles;
CREATE TRIGGER workload_change_ins AFTER INSERT ON mapping_profiles REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();
CREATE TRIGGER workload_change_upd AFTER UPDATE ON mapping_profiles REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();
CREATE TRIGGER workload_change_del AFTER DELETE ON mapping_profiles REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();
CREATE TRIGGER workload_change_trunc AFTER TRUNCATE ON mapping_profiles
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();

DROP TRIGGER IF EXISTS workload_change_ins ON users;
DROP TRIGGER IF EXISTS workload_change_upd ON users;
DROP TRIGGER IF EXISTS workload_change_del ON users;
DROP TRIGGER IF EXISTS workload_change_trunc ON users;
CREATE TRIGGER workload_change_ins AFTER INSERT ON users REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();
CREATE TRIGGER workload_change_upd AFTER UPDATE ON users REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();
CREATE TRIGGER workload_change_del AFTER DELETE ON users REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();
CREATE TRIGGER workload_change_trunc AFTER TRUNCATE ON users
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();

DROP TRIGGER IF EXISTS workload_change_ins ON roster_history;
DROP TRIGGER IF EXISTS workload_change_upd ON roster_history;
DROP TRIGGER IF EXISTS workload_change_del ON roster_history;
DROP TRIGGER IF EXISTS workload_change_trunc ON roster_history;
CREATE TRIGGER workload_change_ins AFTER INSERT ON roster_history REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();
CREATE TRIGGER workload_change_upd AFTER UPDATE ON roster_history REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();
CREATE TRIGGER workload_change_del AFTER DELETE ON roster_history REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();
CREATE TRIGGER workload_change_trunc AFTER TRUNCATE ON roster_history
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();

DROP TRIGGER IF EXISTS workload_change_ins ON page_reviews;
DROP TRIGGER IF EXISTS workload_change_upd ON page_reviews;
DROP TRIGGER IF EXISTS workload_change_del ON page_reviews;
DROP TRIGGER IF EXISTS workload_change_trunc ON page_reviews;
CREATE TRIGGER workload_change_ins AFTER INSERT ON page_reviews REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();
CREATE TRIGGER workload_change_upd AFTER UPDATE ON page_reviews REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();
CREATE TRIGGER workload_change_del AFTER DELETE ON page_reviews REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();
CREATE TRIGGER workload_change_trunc AFTER TRUNCATE ON page_reviews
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();

DROP TRIGGER IF EXISTS workload_change_ins ON pending_reasons;
DROP TRIGGER IF EXISTS workload_change_upd ON pending_reasons;
DROP TRIGGER IF EXISTS workload_change_del ON pending_reasons;
DROP TRIGGER IF EXISTS workload_change_trunc ON pending_reasons;
CREATE TRIGGER workload_change_ins AFTER INSERT ON pending_reasons REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();
CREATE TRIGGER workload_change_upd AFTER UPDATE ON pending_reasons REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();
CREATE TRIGGER workload_change_del AFTER DELETE ON pending_reasons REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();
CREATE TRIGGER workload_change_trunc AFTER TRUNCATE ON pending_reasons
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();

DROP TRIGGER IF EXISTS workload_change_ins ON queries;
DROP TRIGGER IF EXISTS workload_change_upd ON queries;
DROP TRIGGER IF EXISTS workload_change_del ON queries;
DROP TRIGGER IF EXISTS workload_change_trunc ON queries;
CREATE TRIGGER workload_change_ins AFTER INSERT ON queries REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();
CREATE TRIGGER workload_change_upd AFTER UPDATE ON queries REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();
CREATE TRIGGER workload_change_del AFTER DELETE ON queries REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();
CREATE TRIGGER workload_change_trunc AFTER TRUNCATE ON queries
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();

DROP TRIGGER IF EXISTS workload_change_ins ON judge_credit;
DROP TRIGGER IF EXISTS workload_change_upd ON judge_credit;
DROP TRIGGER IF EXISTS workload_change_del ON judge_credit;
DROP TRIGGER IF EXISTS workload_change_trunc ON judge_credit;
CREATE TRIGGER workload_change_ins AFTER INSERT ON judge_credit REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();
CREATE TRIGGER workload_change_upd AFTER UPDATE ON judge_credit REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();
CREATE TRIGGER workload_change_del AFTER DELETE ON judge_credit REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();
CREATE TRIGGER workload_change_trunc AFTER TRUNCATE ON judge_credit
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();

DROP TRIGGER IF EXISTS workload_change_ins ON held_reasons;
DROP TRIGGER IF EXISTS workload_change_upd ON held_reasons;
DROP TRIGGER IF EXISTS workload_change_del ON held_reasons;
DROP TRIGGER IF EXISTS workload_change_trunc ON held_reasons;
CREATE TRIGGER workload_change_ins AFTER INSERT ON held_reasons REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();
CREATE TRIGGER workload_change_upd AFTER UPDATE ON held_reasons REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();
CREATE TRIGGER workload_change_del AFTER DELETE ON held_reasons REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();
CREATE TRIGGER workload_change_trunc AFTER TRUNCATE ON held_reasons
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();

-- year_versions is bumped by the cases' triggers (once per statement and year since 0027):
-- counted by statements here (no transition tables: the bumps inside an import stay cheap)
DROP TRIGGER IF EXISTS workload_change_ins ON year_versions;
DROP TRIGGER IF EXISTS workload_change_upd ON year_versions;
DROP TRIGGER IF EXISTS workload_change_del ON year_versions;
DROP TRIGGER IF EXISTS workload_change_trunc ON year_versions;
CREATE TRIGGER workload_change_ins AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON year_versions
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change('statements');

DROP TRIGGER IF EXISTS workload_change_ins ON reference_averages;
DROP TRIGGER IF EXISTS workload_change_upd ON reference_averages;
DROP TRIGGER IF EXISTS workload_change_del ON reference_averages;
DROP TRIGGER IF EXISTS workload_change_trunc ON reference_averages;
CREATE TRIGGER workload_change_ins AFTER INSERT ON reference_averages REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();
CREATE TRIGGER workload_change_upd AFTER UPDATE ON reference_averages REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();
CREATE TRIGGER workload_change_del AFTER DELETE ON reference_averages REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();
CREATE TRIGGER workload_change_trunc AFTER TRUNCATE ON reference_averages
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();

DROP TRIGGER IF EXISTS workload_change_ins ON division_moves;
DROP TRIGGER IF EXISTS workload_change_upd ON division_moves;
DROP TRIGGER IF EXISTS workload_change_del ON division_moves;
DROP TRIGGER IF EXISTS workload_change_trunc ON division_moves;
CREATE TRIGGER workload_change_ins AFTER INSERT ON division_moves REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();
CREATE TRIGGER workload_change_upd AFTER UPDATE ON division_moves REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();
CREATE TRIGGER workload_change_del AFTER DELETE ON division_moves REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();
CREATE TRIGGER workload_change_trunc AFTER TRUNCATE ON division_moves
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();

-- ---------------------------------------------------------------- publishing parameters: 管理员's

CREATE OR REPLACE FUNCTION workload_param_sets_check() RETURNS trigger
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF workload_session_is_superuser() OR workload_account_role() = 'admin' THEN
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
    END IF;
    IF (TG_OP = 'INSERT' AND NEW.published <> 0)
       OR (TG_OP = 'UPDATE' AND (OLD.published <> 0 OR NEW.published <> 0))
       OR (TG_OP = 'DELETE' AND OLD.published <> 0) THEN
        RAISE EXCEPTION 'workload: only 管理员 publishes parameters or changes a published set'
            USING ERRCODE = '42501';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$;

DROP TRIGGER IF EXISTS workload_param_sets_check ON param_sets;
CREATE TRIGGER workload_param_sets_check BEFORE INSERT OR UPDATE OR DELETE ON param_sets
    FOR EACH ROW EXECUTE FUNCTION workload_param_sets_check();

-- ---------------------------------------------------------------- what a 法官 / 庭长 reads

-- The judges a restricted login may name: its own, and a 庭长's division's. Every other judge
-- appears in what it reads (roster, per-judge credit, plans) as "#<id>": the court's totals, ranks
-- and comparisons stay the same, without other names.
CREATE OR REPLACE FUNCTION workload_named_judges() RETURNS SETOF bigint
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT j.id FROM judges j
    WHERE j.id = workload_account_judge() OR j.division_id = workload_account_division()
$$;

CREATE OR REPLACE FUNCTION workload_scoped_cases() RETURNS SETOF cases
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT c.* FROM cases c,
        (SELECT workload_account_judge() AS j, workload_account_division() AS d,
                workload_account_judge_name() AS n) me
    WHERE c.judge_id = me.j OR c.division_id = me.d
       OR (c.panel IS NOT NULL AND strpos(c.panel, me.n) > 0
           AND me.n = ANY (regexp_split_to_array(c.panel, '[、,，;；[:space:]/]+')))
$$;

CREATE OR REPLACE FUNCTION workload_scoped_case_results() RETURNS SETOF case_results
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT r.* FROM case_results r WHERE r.case_id IN (SELECT s.id FROM workload_scoped_cases() s)
$$;

CREATE OR REPLACE FUNCTION workload_scoped_held_reasons() RETURNS SETOF held_reasons
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT r.* FROM held_reasons r WHERE r.case_id IN (SELECT s.id FROM workload_scoped_cases() s)
$$;

CREATE OR REPLACE FUNCTION workload_scoped_page_reviews() RETURNS SETOF page_reviews
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT r.* FROM page_reviews r WHERE r.case_id IN (SELECT s.id FROM workload_scoped_cases() s)
$$;

CREATE OR REPLACE FUNCTION workload_scoped_pending_reasons() RETURNS SETOF pending_reasons
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT r.* FROM pending_reasons r WHERE r.case_id IN (SELECT s.id FROM workload_scoped_cases() s)
$$;

CREATE OR REPLACE FUNCTION workload_scoped_judges() RETURNS SETOF judges
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT j.id, CASE WHEN j.id IN (SELECT workload_named_judges()) THEN j.name ELSE '#' || j.id::text END,
           j.division_id, j.role, j.track, j.in_post_from, j.in_post_to
    FROM judges j
$$;

CREATE OR REPLACE FUNCTION workload_judge_alias(p_name text) RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT CASE WHEN j.id IS NULL THEN '#?' WHEN j.id IN (SELECT workload_named_judges()) THEN j.name
                ELSE '#' || j.id::text END
    FROM (SELECT 1) one LEFT JOIN judges j ON j.name = p_name
$$;

CREATE OR REPLACE FUNCTION workload_scoped_judge_credit() RETURNS SETOF judge_credit
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT c.computation_id, c.kind, c.month, c.pos,
           CASE WHEN n.id IS NOT NULL THEN c.judge ELSE '#' || COALESCE(j.id::text, '?' || c.pos::text) END,
           c.cases, c.sc_trial, c.sc_enforcement
    FROM judge_credit c LEFT JOIN judges j ON j.name = c.judge
         LEFT JOIN (SELECT workload_named_judges() AS id) n ON n.id = j.id
$$;

-- A plan's JSON with every judge outside the login's names under its alias (each "judge": "…"
-- of judges[] and months[], as the program writes them): the plan's totals stay, the names do
-- not. Text, not jsonb: a plan may hold NaN (Python's JSON), which the server's JSON refuses.
CREATE OR REPLACE FUNCTION workload_alias_plan(p_plan text) RETURNS text
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    doc text := p_plan;
    quoted text;
    name text;
    alias text;
BEGIN
    FOR quoted IN SELECT DISTINCT m[1] FROM regexp_matches(p_plan, '"judge": "((?:[^"\\]|\\.)*)"', 'g') AS m
    LOOP
        name := ('"' || quoted || '"')::json #>> '{}';
        alias := workload_judge_alias(name);
        IF alias IS DISTINCT FROM name THEN
            doc := replace(doc, '"judge": "' || quoted || '"', '"judge": ' || to_json(alias)::text);
        END IF;
    END LOOP;
    RETURN doc;
END;
$$;

CREATE OR REPLACE FUNCTION workload_scoped_quota_plans() RETURNS SETOF quota_plans
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT p.id, p.year, p.version, p.from_month, p.reason, p.created_at, p.created_by,
           workload_alias_plan(p.plan)
    FROM quota_plans p
$$;

CREATE OR REPLACE FUNCTION workload_scoped_quota_overrides() RETURNS SETOF quota_overrides
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT o.* FROM quota_overrides o WHERE o.judge_id IN (SELECT workload_named_judges())
$$;

CREATE OR REPLACE FUNCTION workload_scoped_queries() RETURNS SETOF queries
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT q.* FROM queries q
    WHERE q.asked_by = session_user::text
       OR q.judge IN (SELECT j.name FROM judges j WHERE j.id IN (SELECT workload_named_judges()))
$$;

CREATE OR REPLACE FUNCTION workload_scoped_users() RETURNS SETOF users
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT u.* FROM users u WHERE u.login = session_user::text
$$;

-- court-wide rules and settings, the same for every login (parameters, the roster's divisions,
-- stored computations' averages, settings)
CREATE OR REPLACE FUNCTION workload_scoped_divisions() RETURNS SETOF divisions
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$ SELECT * FROM divisions $$;
CREATE OR REPLACE FUNCTION workload_scoped_division_moves() RETURNS SETOF division_moves
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$ SELECT * FROM division_moves $$;
CREATE OR REPLACE FUNCTION workload_scoped_import_batches() RETURNS SETOF import_batches
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$ SELECT * FROM import_batches $$;
CREATE OR REPLACE FUNCTION workload_scoped_meta() RETURNS SETOF meta
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT * FROM meta WHERE key <> 'demo_accounts'
$$;
CREATE OR REPLACE FUNCTION workload_scoped_param_sets() RETURNS SETOF param_sets
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$ SELECT * FROM param_sets $$;
CREATE OR REPLACE FUNCTION workload_scoped_computations() RETURNS SETOF computations
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$ SELECT * FROM computations $$;
CREATE OR REPLACE FUNCTION workload_scoped_mapping_profiles() RETURNS SETOF mapping_profiles
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$ SELECT * FROM mapping_profiles $$;
CREATE OR REPLACE FUNCTION workload_scoped_year_versions() RETURNS SETOF year_versions
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$ SELECT * FROM year_versions $$;
CREATE OR REPLACE FUNCTION workload_scoped_reference_averages() RETURNS SETOF reference_averages
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$ SELECT * FROM reference_averages $$;
CREATE OR REPLACE FUNCTION workload_scoped_schema_migrations() RETURNS SETOF schema_migrations
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$ SELECT * FROM schema_migrations $$;

CREATE OR REPLACE VIEW workload_scope.cases AS SELECT * FROM public.workload_scoped_cases();
CREATE OR REPLACE VIEW workload_scope.case_results AS SELECT * FROM public.workload_scoped_case_results();
CREATE OR REPLACE VIEW workload_scope.held_reasons AS SELECT * FROM public.workload_scoped_held_reasons();
CREATE OR REPLACE VIEW workload_scope.page_reviews AS SELECT * FROM public.workload_scoped_page_reviews();
CREATE OR REPLACE VIEW workload_scope.pending_reasons AS SELECT * FROM public.workload_scoped_pending_reasons();
CREATE OR REPLACE VIEW workload_scope.judges AS SELECT * FROM public.workload_scoped_judges();
CREATE OR REPLACE VIEW workload_scope.judge_credit AS SELECT * FROM public.workload_scoped_judge_credit();
CREATE OR REPLACE VIEW workload_scope.quota_plans AS SELECT * FROM public.workload_scoped_quota_plans();
CREATE OR REPLACE VIEW workload_scope.quota_overrides AS SELECT * FROM public.workload_scoped_quota_overrides();
CREATE OR REPLACE VIEW workload_scope.queries AS SELECT * FROM public.workload_scoped_queries();
CREATE OR REPLACE VIEW workload_scope.users AS SELECT * FROM public.workload_scoped_users();
CREATE OR REPLACE VIEW workload_scope.divisions AS SELECT * FROM public.workload_scoped_divisions();
CREATE OR REPLACE VIEW workload_scope.division_moves AS SELECT * FROM public.workload_scoped_division_moves();
CREATE OR REPLACE VIEW workload_scope.import_batches AS SELECT * FROM public.workload_scoped_import_batches();
CREATE OR REPLACE VIEW workload_scope.meta AS SELECT * FROM public.workload_scoped_meta();
CREATE OR REPLACE VIEW workload_scope.param_sets AS SELECT * FROM public.workload_scoped_param_sets();
CREATE OR REPLACE VIEW workload_scope.computations AS SELECT * FROM public.workload_scoped_computations();
CREATE OR REPLACE VIEW workload_scope.mapping_profiles AS SELECT * FROM public.workload_scoped_mapping_profiles();
CREATE OR REPLACE VIEW workload_scope.year_versions AS SELECT * FROM public.workload_scoped_year_versions();
CREATE OR REPLACE VIEW workload_scope.reference_averages AS SELECT * FROM public.workload_scoped_reference_averages();
CREATE OR REPLACE VIEW workload_scope.schema_migrations AS SELECT * FROM public.workload_scoped_schema_migrations();

-- ---------------------------------------------------------------- what a 法官 / 庭长 writes

-- A question on a case of its scope, in its own name at the server's time; the case's
-- responsible judge is the server's, not the client's. Recorded as "query.ask".
CREATE OR REPLACE FUNCTION workload_ask_query(p_year integer, p_case_number text, p_question text)
    RETURNS bigint LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v_judge text;
    v_id bigint;
    v_question text := btrim(COALESCE(p_question, ''));
BEGIN
    IF workload_account_role() IS NULL THEN
        RAISE EXCEPTION 'workload: % has no active account', session_user USING ERRCODE = '42501';
    END IF;
    IF v_question = '' THEN
        RAISE EXCEPTION 'workload: a query needs a question' USING ERRCODE = '22023';
    END IF;
    SELECT j.name INTO v_judge FROM cases c JOIN judges j ON j.id = c.judge_id
    WHERE c.case_number = p_case_number
      AND (workload_court_wide() OR c.id IN (SELECT s.id FROM workload_scoped_cases() s));
    IF NOT FOUND THEN
        RAISE EXCEPTION 'workload: no such case of yours' USING ERRCODE = '42501';
    END IF;
    PERFORM workload_mark_audited();
    INSERT INTO queries (year, case_number, judge, question, asked_by, asked_at, kind, asked_by_name)
    VALUES (p_year, p_case_number, COALESCE(v_judge, ''), v_question, session_user::text, workload_now(),
            'case', workload_account_shown_name())
    RETURNING id INTO v_id;
    PERFORM workload_audit_append('query.ask', p_case_number, NULL,
        '{"id": ' || v_id::text || ', "question": ' || to_json(v_question)::text
        || ', "year": ' || p_year::text || '}');
    RETURN v_id;
END;
$$;

-- A question about a judge's quota and monthly targets (p_kind 'quota') or figures ('figures'), in
-- the login's own name at the server's time: a 法官 about its own judge only (p_judge NULL or its
-- own name), a 庭长 its own and its division's judges, 管理员 and 人事 any judge. No login files a
-- query in another's name or about a judge outside its scope. Recorded as "query.ask".
CREATE OR REPLACE FUNCTION workload_ask_about_judge(p_year integer, p_kind text, p_judge text, p_question text)
    RETURNS bigint LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v_judge text;
    v_id bigint;
    v_question text := btrim(COALESCE(p_question, ''));
BEGIN
    IF workload_account_role() IS NULL THEN
        RAISE EXCEPTION 'workload: % has no active account', session_user USING ERRCODE = '42501';
    END IF;
    IF p_kind IS NULL OR p_kind NOT IN ('quota', 'figures') THEN
        RAISE EXCEPTION 'workload: a query is about a quota or figures' USING ERRCODE = '22023';
    END IF;
    IF v_question = '' THEN
        RAISE EXCEPTION 'workload: a query needs a question' USING ERRCODE = '22023';
    END IF;
    SELECT j.name INTO v_judge FROM judges j
    WHERE j.name = COALESCE(p_judge, workload_account_judge_name())
      AND (workload_court_wide() OR j.id IN (SELECT workload_named_judges()));
    IF v_judge IS NULL THEN
        RAISE EXCEPTION 'workload: no such judge of yours' USING ERRCODE = '42501';
    END IF;
    PERFORM workload_mark_audited();
    INSERT INTO queries (year, case_number, judge, question, asked_by, asked_at, kind, asked_by_name)
    VALUES (p_year, '', v_judge, v_question, session_user::text, workload_now(), p_kind,
            workload_account_shown_name())
    RETURNING id INTO v_id;
    PERFORM workload_audit_append('query.ask', v_judge, NULL,
        '{"id": ' || v_id::text || ', "kind": ' || to_json(p_kind)::text || ', "question": '
        || to_json(v_question)::text || ', "year": ' || p_year::text || '}');
    RETURN v_id;
END;
$$;

-- Why a long-pending case is open: only its responsible judge (the login's linked judge; 管理员
-- for corrections) records it, while the case is open, in the account's name at the server's time. Recorded as "pending.reason" with what it replaced.
CREATE OR REPLACE FUNCTION workload_record_pending_reason(p_case_number text, p_reason text, p_note text)
    RETURNS void LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v_case bigint;
    v_name text;
    v_before text;
    v_note text := btrim(COALESCE(p_note, ''));
BEGIN
    SELECT COALESCE(NULLIF(u.display_name, ''), u.login) INTO v_name
    FROM users u WHERE u.login = session_user::text AND u.active = 1;
    IF v_name IS NULL THEN
        RAISE EXCEPTION 'workload: % has no active account', session_user USING ERRCODE = '42501';
    END IF;
    IF p_reason IS NULL OR p_reason NOT IN ('鉴定', '公告', '中止', '等待他案', '其他')
       OR (p_reason = '其他' AND v_note = '') THEN
        RAISE EXCEPTION 'workload: invalid pending reason' USING ERRCODE = '22023';
    END IF;
    SELECT c.id INTO v_case FROM cases c
    WHERE c.case_number = p_case_number AND (c.closed_on IS NULL OR c.closed_on = '')
      AND (c.judge_id = workload_account_judge() OR workload_account_role() = 'admin');
    IF v_case IS NULL THEN
        RAISE EXCEPTION 'workload: only the responsible judge records this case''s reason'
            USING ERRCODE = '42501';
    END IF;
    SELECT '{"by": ' || to_json(r.recorded_by)::text || ', "note": ' || to_json(r.note)::text
           || ', "reason": ' || to_json(r.reason)::text || '}'
      INTO v_before FROM pending_reasons r WHERE r.case_id = v_case;
    PERFORM workload_mark_audited();
    INSERT INTO pending_reasons (case_id, reason, note, recorded_by, recorded_at)
    VALUES (v_case, p_reason, v_note, v_name, workload_now())
    ON CONFLICT (case_id) DO UPDATE SET reason = excluded.reason, note = excluded.note,
        recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at;
    PERFORM workload_audit_append('pending.reason', p_case_number, v_before,
        '{"note": ' || to_json(v_note)::text || ', "reason": ' || to_json(p_reason)::text || '}');
END;
$$;

-- One's own password (every account): the new verifier (or, with the compatibility setting, the
-- password itself) set on the connected login, the account no longer "must change", recorded.
CREATE OR REPLACE FUNCTION workload_change_own_password(p_password text) RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF workload_account_role() IS NULL THEN
        RAISE EXCEPTION 'workload: % has no active account', session_user USING ERRCODE = '42501';
    END IF;
    IF p_password IS NULL OR length(p_password) < 8 THEN
        RAISE EXCEPTION 'workload: a new password is needed' USING ERRCODE = '22023';
    END IF;
    PERFORM workload_check_account(session_user::text);
    EXECUTE format('ALTER ROLE %I PASSWORD %L', session_user::text, p_password);
    PERFORM workload_mark_audited();
    UPDATE users SET must_change = 0, password_changed_at = workload_now(), failed_attempts = 0,
                     locked_until = NULL
    WHERE login = session_user::text;
    PERFORM workload_audit_append('user.change_password', session_user::text, NULL, NULL);
END;
$$;

-- ---------------------------------------------------------------- each login's own settings

-- Set on every account's login role (role settings are the login's own: a group's do not reach
-- its members): what it reads first (a restricted login: the scope's views) and how long it may
-- hold others up. The values are the README's ("The court server", "No login holds others up").
CREATE OR REPLACE FUNCTION workload_apply_login_settings(login text) RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM workload_check_account(login);
    IF pg_has_role(login, 'workload_judge', 'MEMBER') OR pg_has_role(login, 'workload_division_head', 'MEMBER') THEN
        EXECUTE format('ALTER ROLE %I SET search_path = workload_scope, public', login);
        EXECUTE format('ALTER ROLE %I SET idle_in_transaction_session_timeout = %L', login, '5s');
        EXECUTE format('ALTER ROLE %I SET lock_timeout = %L', login, '5s');
        EXECUTE format('ALTER ROLE %I SET statement_timeout = %L', login, '60s');
    ELSE
        EXECUTE format('ALTER ROLE %I RESET search_path', login);
        EXECUTE format('ALTER ROLE %I SET idle_in_transaction_session_timeout = %L', login, '10min');
        EXECUTE format('ALTER ROLE %I SET lock_timeout = %L', login, '15s');
        EXECUTE format('ALTER ROLE %I SET statement_timeout = %L', login, '1h');
    END IF;
END;
$$;

-- every account already on the server (re-applied by each `server setup`)
SELECT workload_apply_login_settings(r.rolname)
FROM pg_roles r
WHERE r.rolcanlogin AND NOT r.rolsuper AND r.rolname ~ '^[a-z0-9_]{1,63}$'
  AND r.rolname NOT LIKE 'pg\_%' AND r.rolname NOT LIKE 'workload\_%'
  AND EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
              WHERE m.member = r.oid AND g.rolname IN ('workload_admin', 'workload_personnel',
                                                       'workload_division_head', 'workload_judge'));

-- the groups carry the same values (what `\drds` shows, and a login added to a group by hand)
ALTER ROLE workload_judge SET idle_in_transaction_session_timeout = '5s';
ALTER ROLE workload_judge SET lock_timeout = '5s';
ALTER ROLE workload_judge SET statement_timeout = '60s';
ALTER ROLE workload_division_head SET idle_in_transaction_session_timeout = '5s';
ALTER ROLE workload_division_head SET lock_timeout = '5s';
ALTER ROLE workload_division_head SET statement_timeout = '60s';
ALTER ROLE workload_admin SET idle_in_transaction_session_timeout = '10min';
ALTER ROLE workload_admin SET lock_timeout = '15s';
ALTER ROLE workload_admin SET statement_timeout = '1h';
ALTER ROLE workload_personnel SET idle_in_transaction_session_timeout = '10min';
ALTER ROLE workload_personnel SET lock_timeout = '15s';
ALTER ROLE workload_personnel SET statement_timeout = '1h';

-- ---------------------------------------------------------------- privileges

REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC;
REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM PUBLIC;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA public FROM PUBLIC;
REVOKE ALL ON ALL TABLES IN SCHEMA public
    FROM workload_admin, workload_personnel, workload_division_head, workload_judge;
REVOKE ALL ON ALL SEQUENCES IN SCHEMA public
    FROM workload_admin, workload_personnel, workload_division_head, workload_judge;
REVOKE ALL ON SCHEMA workload_scope FROM PUBLIC;
REVOKE ALL ON ALL TABLES IN SCHEMA workload_scope FROM PUBLIC;

-- 管理员, 人事: the tables themselves (court-wide), writes as below
GRANT SELECT ON ALL TABLES IN SCHEMA public TO workload_admin, workload_personnel;
GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO workload_admin, workload_personnel;
REVOKE INSERT, UPDATE, DELETE ON users FROM workload_personnel;
-- the trail is the server's: read only (rows come from workload_audit)
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON audit_log FROM workload_admin, workload_personnel;
REVOKE INSERT, UPDATE, DELETE ON schema_migrations FROM workload_admin, workload_personnel;  -- setup's
-- the server's own bookkeeping: nobody's
REVOKE ALL ON server_settings, audit_marks, pending_changes
    FROM workload_admin, workload_personnel, workload_division_head, workload_judge;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO workload_admin, workload_personnel;
GRANT UPDATE ON ALL SEQUENCES IN SCHEMA public TO workload_admin;  -- setval after `server move-from`
-- court-wide writers queue on write_lock (LOCK TABLE … SHARE ROW EXCLUSIVE needs UPDATE on it);
-- a restricted login holds no privilege on any table, so it locks none
REVOKE DELETE ON write_lock FROM workload_admin, workload_personnel;

-- 法官, 庭长: the scope's views only
GRANT USAGE ON SCHEMA workload_scope TO workload_division_head, workload_judge;
GRANT SELECT ON ALL TABLES IN SCHEMA workload_scope TO workload_division_head, workload_judge;

-- functions: only those each group calls (PostgreSQL grants EXECUTE to PUBLIC by default)
GRANT EXECUTE ON FUNCTION workload_create_login(text, text, text) TO workload_admin;
GRANT EXECUTE ON FUNCTION workload_set_login_enabled(text, boolean) TO workload_admin;
GRANT EXECUTE ON FUNCTION workload_reset_login_password(text, text) TO workload_admin;
GRANT EXECUTE ON FUNCTION workload_set_login_group(text, text) TO workload_admin;
GRANT EXECUTE ON FUNCTION workload_audit(text, text, text, text)
    TO workload_admin, workload_personnel, workload_division_head, workload_judge;
GRANT EXECUTE ON FUNCTION workload_audit_head()
    TO workload_admin, workload_personnel, workload_division_head, workload_judge;
-- the court's clock: the time stamps the program writes are the server's (storage.dialect)
GRANT EXECUTE ON FUNCTION workload_now()
    TO workload_admin, workload_personnel, workload_division_head, workload_judge;
GRANT EXECUTE ON FUNCTION workload_change_own_password(text)
    TO workload_admin, workload_personnel, workload_division_head, workload_judge;
GRANT EXECUTE ON FUNCTION workload_ask_query(integer, text, text)
    TO workload_admin, workload_personnel, workload_division_head, workload_judge;
GRANT EXECUTE ON FUNCTION workload_ask_about_judge(integer, text, text, text)
    TO workload_admin, workload_personnel, workload_division_head, workload_judge;
GRANT EXECUTE ON FUNCTION workload_record_pending_reason(text, text, text)
    TO workload_admin, workload_division_head, workload_judge;
-- the policies' helpers (court-wide logins' policies call them)
GRANT EXECUTE ON FUNCTION workload_court_wide(), workload_account_role(), workload_session_is_superuser()
    TO workload_admin, workload_personnel;
-- the year's version bump, called by the cases' and reviews' triggers as the writing login
GRANT EXECUTE ON FUNCTION bump_year_version(integer) TO workload_admin, workload_personnel;
-- the views call their functions with the caller's right to execute them
GRANT EXECUTE ON FUNCTION workload_scoped_cases(), workload_scoped_case_results(),
    workload_scoped_held_reasons(), workload_scoped_page_reviews(), workload_scoped_pending_reasons(),
    workload_scoped_judges(), workload_scoped_judge_credit(), workload_scoped_quota_plans(),
    workload_scoped_quota_overrides(), workload_scoped_queries(), workload_scoped_users(),
    workload_scoped_divisions(), workload_scoped_division_moves(), workload_scoped_import_batches(),
    workload_scoped_meta(), workload_scoped_param_sets(), workload_scoped_computations(),
    workload_scoped_mapping_profiles(), workload_scoped_year_versions(),
    workload_scoped_reference_averages(), workload_scoped_schema_migrations()
    TO workload_division_head, workload_judge;

-- ---------------------------------------------------------------- row-level security (court-wide logins)

ALTER TABLE cases ENABLE ROW LEVEL SECURITY;
ALTER TABLE cases FORCE ROW LEVEL SECURITY;
ALTER TABLE case_results ENABLE ROW LEVEL SECURITY;
ALTER TABLE case_results FORCE ROW LEVEL SECURITY;
ALTER TABLE held_reasons ENABLE ROW LEVEL SECURITY;
ALTER TABLE held_reasons FORCE ROW LEVEL SECURITY;
ALTER TABLE page_reviews ENABLE ROW LEVEL SECURITY;
ALTER TABLE page_reviews FORCE ROW LEVEL SECURITY;
ALTER TABLE post_reviews ENABLE ROW LEVEL SECURITY;
ALTER TABLE post_reviews FORCE ROW LEVEL SECURITY;
ALTER TABLE pending_reasons ENABLE ROW LEVEL SECURITY;
ALTER TABLE pending_reasons FORCE ROW LEVEL SECURITY;
ALTER TABLE judge_credit ENABLE ROW LEVEL SECURITY;
ALTER TABLE judge_credit FORCE ROW LEVEL SECURITY;
ALTER TABLE quota_plans ENABLE ROW LEVEL SECURITY;
ALTER TABLE quota_plans FORCE ROW LEVEL SECURITY;
ALTER TABLE quota_overrides ENABLE ROW LEVEL SECURITY;
ALTER TABLE quota_overrides FORCE ROW LEVEL SECURITY;
ALTER TABLE queries ENABLE ROW LEVEL SECURITY;
ALTER TABLE queries FORCE ROW LEVEL SECURITY;
ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_log FORCE ROW LEVEL SECURITY;
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
ALTER TABLE users FORCE ROW LEVEL SECURITY;
ALTER TABLE meta ENABLE ROW LEVEL SECURITY;
ALTER TABLE meta FORCE ROW LEVEL SECURITY;

-- the owner (migrations, the SECURITY DEFINER functions) sees and writes every row
DROP POLICY IF EXISTS owner_all ON cases;
CREATE POLICY owner_all ON cases TO workload_owner USING (true);
DROP POLICY IF EXISTS owner_all ON case_results;
CREATE POLICY owner_all ON case_results TO workload_owner USING (true);
DROP POLICY IF EXISTS owner_all ON held_reasons;
CREATE POLICY owner_all ON held_reasons TO workload_owner USING (true);
DROP POLICY IF EXISTS owner_all ON page_reviews;
CREATE POLICY owner_all ON page_reviews TO workload_owner USING (true);
DROP POLICY IF EXISTS owner_all ON post_reviews;
CREATE POLICY owner_all ON post_reviews TO workload_owner USING (true);
DROP POLICY IF EXISTS owner_all ON pending_reasons;
CREATE POLICY owner_all ON pending_reasons TO workload_owner USING (true);
DROP POLICY IF EXISTS owner_all ON judge_credit;
CREATE POLICY owner_all ON judge_credit TO workload_owner USING (true);
DROP POLICY IF EXISTS owner_all ON quota_plans;
CREATE POLICY owner_all ON quota_plans TO workload_owner USING (true);
DROP POLICY IF EXISTS owner_all ON quota_overrides;
CREATE POLICY owner_all ON quota_overrides TO workload_owner USING (true);
DROP POLICY IF EXISTS owner_all ON queries;
CREATE POLICY owner_all ON queries TO workload_owner USING (true);
DROP POLICY IF EXISTS owner_all ON audit_log;
CREATE POLICY owner_all ON audit_log TO workload_owner USING (true);
DROP POLICY IF EXISTS owner_all ON users;
CREATE POLICY owner_all ON users TO workload_owner USING (true);
DROP POLICY IF EXISTS owner_all ON meta;
CREATE POLICY owner_all ON meta TO workload_owner USING (true);

-- court-wide accounts (管理员, 人事): every row of every table (writes as their privileges allow)
DROP POLICY IF EXISTS court_all ON cases;
CREATE POLICY court_all ON cases TO workload_admin, workload_personnel
    USING ((SELECT workload_court_wide()));
DROP POLICY IF EXISTS court_all ON case_results;
CREATE POLICY court_all ON case_results TO workload_admin, workload_personnel
    USING ((SELECT workload_court_wide()));
DROP POLICY IF EXISTS court_all ON held_reasons;
CREATE POLICY court_all ON held_reasons TO workload_admin, workload_personnel
    USING ((SELECT workload_court_wide()));
DROP POLICY IF EXISTS court_all ON page_reviews;
CREATE POLICY court_all ON page_reviews TO workload_admin, workload_personnel
    USING ((SELECT workload_court_wide()));
DROP POLICY IF EXISTS court_all ON post_reviews;
CREATE POLICY court_all ON post_reviews TO workload_admin, workload_personnel
    USING ((SELECT workload_court_wide()));
DROP POLICY IF EXISTS court_all ON pending_reasons;
CREATE POLICY court_all ON pending_reasons TO workload_admin, workload_personnel
    USING ((SELECT workload_court_wide()));
DROP POLICY IF EXISTS court_all ON judge_credit;
CREATE POLICY court_all ON judge_credit TO workload_admin, workload_personnel
    USING ((SELECT workload_court_wide()));
DROP POLICY IF EXISTS court_all ON quota_plans;
CREATE POLICY court_all ON quota_plans TO workload_admin, workload_personnel
    USING ((SELECT workload_court_wide()));
DROP POLICY IF EXISTS court_all ON quota_overrides;
CREATE POLICY court_all ON quota_overrides TO workload_admin, workload_personnel
    USING ((SELECT workload_court_wide()));
DROP POLICY IF EXISTS court_all ON queries;
CREATE POLICY court_all ON queries TO workload_admin, workload_personnel
    USING ((SELECT workload_court_wide()));
DROP POLICY IF EXISTS court_all ON audit_log;
CREATE POLICY court_all ON audit_log FOR SELECT TO workload_admin, workload_personnel
    USING ((SELECT workload_court_wide()));
DROP POLICY IF EXISTS court_all ON users;
CREATE POLICY court_all ON users TO workload_admin, workload_personnel
    USING ((SELECT workload_court_wide()));  -- writes: 管理员's privileges only
-- meta: every row for court-wide logins; the audit chain's head is the server's (the trigger
-- workload_meta_head below: no login writes or removes it)
DROP POLICY IF EXISTS court_read ON meta;
DROP POLICY IF EXISTS court_insert ON meta;
DROP POLICY IF EXISTS court_update ON meta;
DROP POLICY IF EXISTS court_delete ON meta;
DROP POLICY IF EXISTS court_all ON meta;
CREATE POLICY court_all ON meta TO workload_admin, workload_personnel
    USING ((SELECT workload_court_wide()));

CREATE OR REPLACE FUNCTION workload_meta_head() RETURNS trigger
    LANGUAGE plpgsql VOLATILE SET search_path = public, pg_temp AS $$
BEGIN
    -- current_user is the owner only inside the owner's SECURITY DEFINER functions
    IF current_user <> 'workload_owner' AND NOT workload_session_is_superuser()
       AND ((TG_OP IN ('INSERT', 'UPDATE') AND NEW.key = 'audit_head')
            OR (TG_OP IN ('UPDATE', 'DELETE') AND OLD.key = 'audit_head')) THEN
        RAISE EXCEPTION 'workload: the audit chain''s head is the server''s' USING ERRCODE = '42501';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$;

DROP TRIGGER IF EXISTS workload_meta_head ON meta;
CREATE TRIGGER workload_meta_head BEFORE INSERT OR UPDATE OR DELETE ON meta
    FOR EACH ROW EXECUTE FUNCTION workload_meta_head();

-- the policies of earlier versions for 法官/庭长 on the tables themselves: gone with their privileges
DROP POLICY IF EXISTS own_read ON cases;
DROP POLICY IF EXISTS own_read ON case_results;
DROP POLICY IF EXISTS own_read ON held_reasons;
DROP POLICY IF EXISTS own_read ON page_reviews;
DROP POLICY IF EXISTS own_rows ON pending_reasons;
DROP POLICY IF EXISTS all_read ON judge_credit;
DROP POLICY IF EXISTS all_read ON quota_plans;
DROP POLICY IF EXISTS own_read ON quota_overrides;
DROP POLICY IF EXISTS own_read ON queries;
DROP POLICY IF EXISTS own_ask ON queries;
DROP POLICY IF EXISTS own_append ON audit_log;
DROP POLICY IF EXISTS own_read ON users;
DROP POLICY IF EXISTS all_read ON meta;
DROP POLICY IF EXISTS audit_head_insert ON meta;
DROP POLICY IF EXISTS audit_head_update ON meta;

-- ---------------------------------------------------------------- `server move-from`: the file's trail

-- The file's audit rows with their own ids and hashes, into an empty trail only (管理员), each
-- link checked as `audit verify` checks it; the chain's head follows the last row.
CREATE OR REPLACE FUNCTION workload_move_audit_trail(p_rows text) RETURNS bigint
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    r record;
    v_prev text := repeat('0', 64);
    v_last bigint := 0;
    v_n bigint := 0;
BEGIN
    IF workload_account_role() IS DISTINCT FROM 'admin' THEN
        RAISE EXCEPTION 'workload: only 管理员 moves a court''s file in' USING ERRCODE = '42501';
    END IF;
    IF EXISTS (SELECT 1 FROM audit_log) THEN
        RAISE EXCEPTION 'workload: the server''s trail is not empty' USING ERRCODE = '55000';
    END IF;
    PERFORM workload_lock_chain();
    FOR r IN SELECT * FROM json_to_recordset(p_rows::json) AS x(
                 id bigint, at text, "user" text, role text, action text, target text, before text,
                 after text, prev_hash text, hash text)
             ORDER BY x.id
    LOOP
        IF r.id <> v_last + 1 OR r.prev_hash IS DISTINCT FROM v_prev
           OR r.hash IS DISTINCT FROM encode(sha256(convert_to(v_prev || workload_audit_canonical(
                  r.id, r.at, r."user", r.role, r.action, r.target, r.before, r.after), 'UTF8')), 'hex') THEN
            RAISE EXCEPTION 'row %', r.id USING ERRCODE = '22000';
        END IF;
        INSERT INTO audit_log (id, at, "user", role, action, target, before, after, prev_hash, hash)
        VALUES (r.id, r.at, r."user", r.role, r.action, r.target, r.before, r.after, r.prev_hash, r.hash);
        v_prev := r.hash;
        v_last := r.id;
        v_n := v_n + 1;
    END LOOP;
    IF v_n > 0 THEN
        INSERT INTO meta (key, value) VALUES ('audit_head', v_last::text || ':' || v_prev)
        ON CONFLICT (key) DO UPDATE SET value = excluded.value;
    END IF;
    RETURN v_n;
END;
$$;

REVOKE ALL ON FUNCTION workload_move_audit_trail(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION workload_move_audit_trail(text) TO workload_admin;

-- ---------------------------------------------------------------- tables of versions 21, 23 and 24
-- post_reviews (a case closed outside its judge's time in post, held for review) and the year-end
-- grading (grading_years: the year's state, no one's figures; grading_entries, grading_reviews:
-- one judge's proposal, grade, notice and review). Every change recorded as for the other tables;
-- a 法官 / 庭长 reads them through workload_scope like the others: post_reviews of the cases it
-- sees, grading rows of the judges it may name (its own; a 庭长 its division's). Their writes on the
-- grading record (summary, acknowledgement, opinion, review request) are court-wide on the server
-- for now: 人事 records them (the paper route the grading already has).

DROP TRIGGER IF EXISTS workload_change_ins ON post_reviews;
DROP TRIGGER IF EXISTS workload_change_upd ON post_reviews;
DROP TRIGGER IF EXISTS workload_change_del ON post_reviews;
DROP TRIGGER IF EXISTS workload_change_trunc ON post_reviews;
CREATE TRIGGER workload_change_ins AFTER INSERT ON post_reviews REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();
CREATE TRIGGER workload_change_upd AFTER UPDATE ON post_reviews REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();
CREATE TRIGGER workload_change_del AFTER DELETE ON post_reviews REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();
CREATE TRIGGER workload_change_trunc AFTER TRUNCATE ON post_reviews
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();

DROP TRIGGER IF EXISTS workload_change_ins ON grading_years;
DROP TRIGGER IF EXISTS workload_change_upd ON grading_years;
DROP TRIGGER IF EXISTS workload_change_del ON grading_years;
DROP TRIGGER IF EXISTS workload_change_trunc ON grading_years;
CREATE TRIGGER workload_change_ins AFTER INSERT ON grading_years REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();
CREATE TRIGGER workload_change_upd AFTER UPDATE ON grading_years REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();
CREATE TRIGGER workload_change_del AFTER DELETE ON grading_years REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();
CREATE TRIGGER workload_change_trunc AFTER TRUNCATE ON grading_years
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();

DROP TRIGGER IF EXISTS workload_change_ins ON grading_entries;
DROP TRIGGER IF EXISTS workload_change_upd ON grading_entries;
DROP TRIGGER IF EXISTS workload_change_del ON grading_entries;
DROP TRIGGER IF EXISTS workload_change_trunc ON grading_entries;
CREATE TRIGGER workload_change_ins AFTER INSERT ON grading_entries REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();
CREATE TRIGGER workload_change_upd AFTER UPDATE ON grading_entries REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();
CREATE TRIGGER workload_change_del AFTER DELETE ON grading_entries REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();
CREATE TRIGGER workload_change_trunc AFTER TRUNCATE ON grading_entries
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();

DROP TRIGGER IF EXISTS workload_change_ins ON grading_reviews;
DROP TRIGGER IF EXISTS workload_change_upd ON grading_reviews;
DROP TRIGGER IF EXISTS workload_change_del ON grading_reviews;
DROP TRIGGER IF EXISTS workload_change_trunc ON grading_reviews;
CREATE TRIGGER workload_change_ins AFTER INSERT ON grading_reviews REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();
CREATE TRIGGER workload_change_upd AFTER UPDATE ON grading_reviews REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();
CREATE TRIGGER workload_change_del AFTER DELETE ON grading_reviews REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();
CREATE TRIGGER workload_change_trunc AFTER TRUNCATE ON grading_reviews
    FOR EACH STATEMENT WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION workload_note_change();

CREATE OR REPLACE FUNCTION workload_scoped_post_reviews() RETURNS SETOF post_reviews
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT r.* FROM post_reviews r WHERE r.case_id IN (SELECT s.id FROM workload_scoped_cases() s)
$$;

CREATE OR REPLACE FUNCTION workload_scoped_grading_years() RETURNS SETOF grading_years
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$ SELECT * FROM grading_years $$;

CREATE OR REPLACE FUNCTION workload_scoped_grading_entries() RETURNS SETOF grading_entries
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT g.* FROM grading_entries g WHERE g.judge_id IN (SELECT workload_named_judges())
$$;

CREATE OR REPLACE FUNCTION workload_scoped_grading_reviews() RETURNS SETOF grading_reviews
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT g.* FROM grading_reviews g WHERE g.judge_id IN (SELECT workload_named_judges())
$$;

CREATE OR REPLACE VIEW workload_scope.post_reviews AS SELECT * FROM public.workload_scoped_post_reviews();
CREATE OR REPLACE VIEW workload_scope.grading_years AS SELECT * FROM public.workload_scoped_grading_years();
CREATE OR REPLACE VIEW workload_scope.grading_entries AS SELECT * FROM public.workload_scoped_grading_entries();
CREATE OR REPLACE VIEW workload_scope.grading_reviews AS SELECT * FROM public.workload_scoped_grading_reviews();

REVOKE ALL ON FUNCTION workload_scoped_post_reviews(), workload_scoped_grading_years(),
    workload_scoped_grading_entries(), workload_scoped_grading_reviews() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION workload_scoped_post_reviews(), workload_scoped_grading_years(),
    workload_scoped_grading_entries(), workload_scoped_grading_reviews()
    TO workload_division_head, workload_judge;
GRANT SELECT ON workload_scope.post_reviews, workload_scope.grading_years, workload_scope.grading_entries,
    workload_scope.grading_reviews TO workload_division_head, workload_judge;

-- ---------------------------------------------------------------- the year-end grading's own writes

-- A 法官's (or a 庭长's, on their own row) summary, acknowledgement and review request, and a
-- 庭长's opinion on a judge of the division: the rules of services/grades.py and
-- services/grade_notices.py, the account and the server's time stamped, the audit row written here
-- with the same action names. Refusals: 42501 (not the login's row), 22023 (the state forbids it);
-- the hint carries the program's code, the detail (JSON) the arguments its text needs.
CREATE OR REPLACE FUNCTION workload_grade_account_name() RETURNS text
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v_name text;
BEGIN
    SELECT COALESCE(NULLIF(u.display_name, ''), u.login) INTO v_name
    FROM users u WHERE u.login = session_user::text AND u.active = 1;
    IF v_name IS NULL THEN
        RAISE EXCEPTION 'workload: % has no active account', session_user USING ERRCODE = '42501';
    END IF;
    RETURN v_name;
END;
$$;

-- The login's own entry of the year, the year not locked unless p_locked_ok.
CREATE OR REPLACE FUNCTION workload_grade_own_entry(p_year integer, p_locked_ok boolean)
    RETURNS grading_entries LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v_judge bigint := workload_account_judge();
    v_state text;
    v_entry grading_entries;
BEGIN
    IF v_judge IS NULL THEN
        RAISE EXCEPTION 'workload: only the judge writes their own grading' USING ERRCODE = '42501',
            HINT = 'grade.not_own';
    END IF;
    SELECT y.state INTO v_state FROM grading_years y WHERE y.year = p_year;
    SELECT * INTO v_entry FROM grading_entries e WHERE e.year = p_year AND e.judge_id = v_judge;
    IF v_state IS NULL OR v_entry.judge_id IS NULL THEN
        RAISE EXCEPTION 'workload: the % grading has not started', p_year USING ERRCODE = '22023',
            HINT = 'grade.not_started';
    END IF;
    IF NOT p_locked_ok AND v_state IN ('confirmed', 'notified') THEN
        RAISE EXCEPTION 'workload: the % grading is locked', p_year USING ERRCODE = '22023',
            HINT = 'grade.locked', DETAIL = '{"state": ' || to_json(v_state)::text || '}';
    END IF;
    RETURN v_entry;
END;
$$;

CREATE OR REPLACE FUNCTION workload_grade_summary(p_year integer, p_text text) RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v_name text := workload_grade_account_name();
    v_text text := btrim(COALESCE(p_text, ''));
    v_entry grading_entries := workload_grade_own_entry(p_year, false);
BEGIN
    IF v_text = '' THEN
        RAISE EXCEPTION 'workload: the summary is empty' USING ERRCODE = '22023', HINT = 'grade.summary_empty';
    END IF;
    PERFORM workload_mark_audited();
    UPDATE grading_entries SET summary_text = v_text, summary_paper = 0, summary_at = workload_now(),
        summary_by = v_name
    WHERE year = p_year AND judge_id = v_entry.judge_id;
    PERFORM workload_audit_append('grade.summary',
        p_year::text || ' 年度考核：' || (SELECT j.name FROM judges j WHERE j.id = v_entry.judge_id),
        '{"paper": ' || CASE WHEN v_entry.summary_paper <> 0 THEN 'true' ELSE 'false' END
            || ', "summary": ' || COALESCE(to_json(v_entry.summary_text)::text, 'null') || '}',
        '{"paper": false, "summary": ' || to_json(v_text)::text || '}');
END;
$$;

CREATE OR REPLACE FUNCTION workload_grade_acknowledge(p_year integer, p_opinion text) RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v_name text := workload_grade_account_name();
    v_opinion text := NULLIF(btrim(COALESCE(p_opinion, '')), '');
    v_entry grading_entries := workload_grade_own_entry(p_year, true);
BEGIN
    IF COALESCE(v_entry.notice_version, 0) = 0 THEN
        RAISE EXCEPTION 'workload: no notice to acknowledge' USING ERRCODE = '22023', HINT = 'grade.no_notice';
    END IF;
    PERFORM workload_mark_audited();
    UPDATE grading_entries SET ack_at = workload_now(), ack_opinion = v_opinion, ack_paper = 0, ack_by = v_name
    WHERE year = p_year AND judge_id = v_entry.judge_id;
    PERFORM workload_audit_append('grade.ack',
        p_year::text || ' 年度考核结果通知：' || (SELECT j.name FROM judges j WHERE j.id = v_entry.judge_id),
        NULL,
        '{"notice_version": ' || v_entry.notice_version::text || ', "opinion": '
            || COALESCE(to_json(v_opinion)::text, 'null') || ', "paper": false}');
END;
$$;

-- The deadline is the notice's day plus the year's rule set's review_days (the version in force:
-- the newest published, else the only draft; 30 days when the rule set does not say).
CREATE OR REPLACE FUNCTION workload_grade_request_review(p_year integer, p_text text) RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v_name text := workload_grade_account_name();
    v_text text := btrim(COALESCE(p_text, ''));
    v_entry grading_entries := workload_grade_own_entry(p_year, true);
    v_days integer;
    v_today date;
BEGIN
    IF v_text = '' THEN
        RAISE EXCEPTION 'workload: the request is empty' USING ERRCODE = '22023', HINT = 'grade.request_empty';
    END IF;
    IF v_entry.notice_at IS NULL OR v_entry.notice_at = '' THEN
        RAISE EXCEPTION 'workload: no notice to review' USING ERRCODE = '22023', HINT = 'grade.no_notice';
    END IF;
    SELECT substring(p.toml FROM '(?:^|\n)[ \t]*review_days[ \t]*=[ \t]*([0-9]+)')::integer INTO v_days
    FROM param_sets p WHERE p.year = p_year ORDER BY p.published DESC, p.version DESC LIMIT 1;
    v_days := COALESCE(v_days, 30);
    v_today := substr(workload_now(), 1, 10)::date;
    IF v_today > substr(v_entry.notice_at, 1, 10)::date + v_days THEN
        RAISE EXCEPTION 'workload: the review request is past its deadline' USING ERRCODE = '22023',
            HINT = 'grade.review_late',
            DETAIL = '{"days": ' || v_days::text || ', "deadline": "'
                || to_char(substr(v_entry.notice_at, 1, 10)::date + v_days, 'YYYY-MM-DD') || '"}';
    END IF;
    IF EXISTS (SELECT 1 FROM grading_reviews r
               WHERE r.year = p_year AND r.judge_id = v_entry.judge_id AND r.decided_at IS NULL) THEN
        RAISE EXCEPTION 'workload: a review request is open' USING ERRCODE = '22023', HINT = 'grade.review_open';
    END IF;
    IF v_entry.final_grade IS NULL THEN
        RAISE EXCEPTION 'workload: no notified grade to review' USING ERRCODE = '22023', HINT = 'grade.no_notice';
    END IF;
    PERFORM workload_mark_audited();
    INSERT INTO grading_reviews (year, judge_id, request_text, requested_at, requested_by, previous_grade)
    VALUES (p_year, v_entry.judge_id, v_text, workload_now(), v_name, v_entry.final_grade);
    PERFORM workload_audit_append('grade.review_request',
        p_year::text || ' 年度考核复核：' || (SELECT j.name FROM judges j WHERE j.id = v_entry.judge_id),
        NULL,
        '{"grade": ' || to_json(v_entry.final_grade)::text || ', "request": ' || to_json(v_text)::text || '}');
END;
$$;

-- A 庭长's opinion on a judge of the division (never on themself), while the year is not locked.
CREATE OR REPLACE FUNCTION workload_grade_opinion(p_year integer, p_judge text, p_text text) RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v_name text := workload_grade_account_name();
    v_text text := btrim(COALESCE(p_text, ''));
    v_division text;
    v_state text;
    v_entry grading_entries;
BEGIN
    SELECT d.name INTO v_division FROM divisions d WHERE d.id = workload_account_division();
    SELECT e.* INTO v_entry FROM grading_entries e JOIN judges j ON j.id = e.judge_id
    WHERE e.year = p_year AND j.name = btrim(COALESCE(p_judge, ''));
    IF workload_account_role() IS DISTINCT FROM 'division_head' OR v_division IS NULL
       OR v_entry.judge_id IS NULL OR v_entry.division IS DISTINCT FROM v_division
       OR v_entry.judge_id = workload_account_judge() THEN
        RAISE EXCEPTION 'workload: only the division head writes the opinion on a judge of the division'
            USING ERRCODE = '42501', HINT = 'grade.not_own';
    END IF;
    IF v_text = '' THEN
        RAISE EXCEPTION 'workload: the opinion is empty' USING ERRCODE = '22023', HINT = 'grade.opinion_empty';
    END IF;
    SELECT y.state INTO v_state FROM grading_years y WHERE y.year = p_year;
    IF v_state IN ('confirmed', 'notified') THEN
        RAISE EXCEPTION 'workload: the % grading is locked', p_year USING ERRCODE = '22023', HINT = 'grade.locked',
            DETAIL = '{"state": ' || to_json(v_state)::text || '}';
    END IF;
    PERFORM workload_mark_audited();
    UPDATE grading_entries SET head_opinion = v_text, head_opinion_by = v_name, head_opinion_at = workload_now()
    WHERE year = p_year AND judge_id = v_entry.judge_id;
    PERFORM workload_audit_append('grade.opinion', p_year::text || ' 年度考核：' || btrim(p_judge),
        '{"opinion": ' || COALESCE(to_json(v_entry.head_opinion)::text, 'null') || '}',
        '{"opinion": ' || to_json(v_text)::text || '}');
END;
$$;

REVOKE ALL ON FUNCTION workload_grade_account_name(), workload_grade_own_entry(integer, boolean),
    workload_grade_summary(integer, text), workload_grade_acknowledge(integer, text),
    workload_grade_request_review(integer, text), workload_grade_opinion(integer, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION workload_grade_summary(integer, text), workload_grade_acknowledge(integer, text),
    workload_grade_request_review(integer, text) TO workload_judge, workload_division_head;
GRANT EXECUTE ON FUNCTION workload_grade_opinion(integer, text, text) TO workload_division_head;
