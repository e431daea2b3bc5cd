-- name: roles, privileges and row-level security of the court server (re-applied by `server setup`)

-- Applied by `workload server setup` after the migrations, every time it runs, inside one
-- transaction as `workload_owner` (SET LOCAL ROLE): everything here is idempotent
-- (CREATE OR REPLACE FUNCTION, DROP POLICY IF EXISTS + CREATE POLICY, GRANT/REVOKE).
-- Portable subset only: no DO blocks; plpgsql and sql functions.
--
-- Who is who
--   workload_owner          NOLOGIN, CREATEROLE. Owns every table, sequence and function. Nobody
--                           logs in as it; it acts only through the SECURITY DEFINER functions below.
--   workload_admin          管理员: every table (audit: INSERT + SELECT only), accounts.
--   workload_personnel      人事: every table but accounts (read) and audit (INSERT + SELECT).
--   workload_division_head  庭长: reads its division's cases (and its own as judge), writes queries,
--                           pending reasons of the cases it sees, and its audit rows.
--   workload_judge          法官: reads its own cases (responsible judge or panel member), writes
--                           queries, pending reasons of its cases, and its audit rows.
-- Each application account is a LOGIN role named as `users.login`, member of one group. Policies
-- key on the account's `users` row (role, judge_id, division_id, active) through the functions
-- workload_account_*(). Inside a SECURITY DEFINER function current_user is the owner, so those
-- functions read `session_user`: the login that connected (a client never switches to another
-- login: it can only SET ROLE to its own group, which has no `users` row of its own).
--
-- Row-level security (ENABLE + FORCE: the owner is subject too, through its own policy), per table:
--   cases            court-wide: all; 庭长: cases.division_id = its division, or its linked judge's;
--                    法官: judge_id = its judge, or its judge's name among the panel members
--                    (the panel text split on 、,，;； spaces and / as core.standard.split_panel does).
--                    Writes: court-wide only.
--   case_results,    the rows of the cases the login sees (EXISTS on cases, itself limited).
--   held_reasons,    Writes: court-wide only (page_reviews, pending_reasons: see below).
--   page_reviews,
--   post_reviews
--   pending_reasons  read the cases one sees; 法官/庭长 write the reasons of the cases they see (the
--                    service checks further who may record a reason).
--   judge_credit     readable by every account: the per-judge totals are what ranks and the
--                    court's comparison figures are computed from (a judge's rank needs every
--                    judge's total; no case row is in it). Writes: court-wide only.
--   quota_plans      readable by every account: one row holds the whole year's plan (every judge's
--                    quota); a judge's own quota is read from it. Writes: court-wide only.
--   quota_overrides  court-wide: all; 庭长: its division's judges and its own; 法官: its own.
--   queries          court-wide: all; others: the ones they asked, those on their own cases (judge
--                    name) and, for a 庭长, those on its division's judges. Anyone inserts a query
--                    asked in its own name; answering is court-wide.
--   audit_log        court-wide: read; everyone appends (a 法官/庭长 only rows in its own role);
--                    nobody but the owner has UPDATE or DELETE, and the table's triggers refuse
--                    those to the owner as well.
--   users            one's own row; court-wide: all; writes: 管理员 only (and the functions below).
--   meta             readable by every account; written court-wide, except the audit chain's head
--                    (key audit_head), which every account appending to the audit log updates.
-- Tables without RLS are readable by every account (roster, parameters, computations, settings),
-- except case_history and roster_history (the before-images of import undo: court-wide only).
--
-- Account functions (SECURITY DEFINER, owner; EXECUTE for workload_admin only, not PUBLIC):
--   workload_create_login(login, grp, password), workload_set_login_enabled(login, enabled),
--   workload_reset_login_password(login, password), workload_set_login_group(login, grp).
-- The password given is a SCRAM verifier computed by the client (the clear text never reaches the
-- server's statement log). workload_password_changed() (every account) marks one's own password
-- as changed; workload_audit_head() (every account) gives the audit chain's last id and hash.

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

-- The audit chain's head, for appending: a 法官 reads no audit row, yet chains onto the last one.
CREATE OR REPLACE FUNCTION workload_audit_head() RETURNS TABLE (id bigint, hash text)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT a.id, a.hash FROM audit_log a ORDER BY a.id DESC LIMIT 1
$$;

-- One's own password was changed (ALTER ROLE own PASSWORD, by the client): no longer "must change".
CREATE OR REPLACE FUNCTION workload_password_changed(at text) RETURNS void
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    UPDATE users SET must_change = 0, password_changed_at = at, failed_attempts = 0, locked_until = NULL
    WHERE login = session_user::text
$$;

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
END;
$$;

REVOKE ALL ON FUNCTION workload_create_login(text, text, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION workload_set_login_enabled(text, boolean) FROM PUBLIC;
REVOKE ALL ON FUNCTION workload_reset_login_password(text, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION workload_set_login_group(text, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION workload_password_changed(text) FROM PUBLIC;
REVOKE ALL ON FUNCTION workload_audit_head() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION workload_create_login(text, text, text) TO workload_admin;
GRANT EXECUTE ON FUNCTION workload_set_login_enabled(text, boolean) TO workload_admin;
GRANT EXECUTE ON FUNCTION workload_reset_login_password(text, text) TO workload_admin;
GRANT EXECUTE ON FUNCTION workload_set_login_group(text, text) TO workload_admin;
GRANT EXECUTE ON FUNCTION workload_password_changed(text)
    TO workload_admin, workload_personnel, workload_division_head, workload_judge;
GRANT EXECUTE ON FUNCTION workload_audit_head()
    TO workload_admin, workload_personnel, workload_division_head, workload_judge;

-- ---------------------------------------------------------------- table privileges

REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC;
REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM PUBLIC;
REVOKE ALL ON ALL TABLES IN SCHEMA public
    FROM workload_admin, workload_personnel, workload_division_head, workload_judge;
REVOKE ALL ON ALL SEQUENCES IN SCHEMA public
    FROM workload_admin, workload_personnel, workload_division_head, workload_judge;

GRANT SELECT ON ALL TABLES IN SCHEMA public
    TO workload_admin, workload_personnel, workload_division_head, workload_judge;
REVOKE SELECT ON case_history, roster_history FROM workload_division_head, workload_judge;

-- court-wide writers
GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO workload_admin, workload_personnel;
REVOKE INSERT, UPDATE, DELETE ON users FROM workload_personnel;
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM workload_admin, workload_personnel;
REVOKE INSERT, UPDATE, DELETE ON schema_migrations FROM workload_admin, workload_personnel;  -- setup's
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO workload_admin, workload_personnel;
GRANT UPDATE ON ALL SEQUENCES IN SCHEMA public TO workload_admin;  -- setval after `server move-from`

-- what a 法官 / 庭长 writes: queries, pending reasons (their cases), audit rows, the chain's head
GRANT INSERT ON queries, audit_log TO workload_division_head, workload_judge;
GRANT INSERT, UPDATE, DELETE ON pending_reasons TO workload_division_head, workload_judge;
GRANT INSERT, UPDATE ON meta TO workload_division_head, workload_judge;
GRANT USAGE ON SEQUENCE queries_id_seq TO workload_division_head, workload_judge;
-- every writer queues on write_lock (LOCK TABLE … SHARE ROW EXCLUSIVE needs UPDATE on it)
GRANT UPDATE ON write_lock TO workload_admin, workload_personnel, workload_division_head, workload_judge;

-- ---------------------------------------------------------------- row-level security

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
CREATE POLICY owner_all ON cases TO workload_owner USING (true) WITH CHECK (true);
DROP POLICY IF EXISTS owner_all ON case_results;
CREATE POLICY owner_all ON case_results TO workload_owner USING (true) WITH CHECK (true);
DROP POLICY IF EXISTS owner_all ON held_reasons;
CREATE POLICY owner_all ON held_reasons TO workload_owner USING (true) WITH CHECK (true);
DROP POLICY IF EXISTS owner_all ON page_reviews;
CREATE POLICY owner_all ON page_reviews TO workload_owner USING (true) WITH CHECK (true);
DROP POLICY IF EXISTS owner_all ON post_reviews;
CREATE POLICY owner_all ON post_reviews TO workload_owner USING (true) WITH CHECK (true);
DROP POLICY IF EXISTS owner_all ON pending_reasons;
CREATE POLICY owner_all ON pending_reasons TO workload_owner USING (true) WITH CHECK (true);
DROP POLICY IF EXISTS owner_all ON judge_credit;
CREATE POLICY owner_all ON judge_credit TO workload_owner USING (true) WITH CHECK (true);
DROP POLICY IF EXISTS owner_all ON quota_plans;
CREATE POLICY owner_all ON quota_plans TO workload_owner USING (true) WITH CHECK (true);
DROP POLICY IF EXISTS owner_all ON quota_overrides;
CREATE POLICY owner_all ON quota_overrides TO workload_owner USING (true) WITH CHECK (true);
DROP POLICY IF EXISTS owner_all ON queries;
CREATE POLICY owner_all ON queries TO workload_owner USING (true) WITH CHECK (true);
DROP POLICY IF EXISTS owner_all ON audit_log;
CREATE POLICY owner_all ON audit_log TO workload_owner USING (true) WITH CHECK (true);
DROP POLICY IF EXISTS owner_all ON users;
CREATE POLICY owner_all ON users TO workload_owner USING (true) WITH CHECK (true);
DROP POLICY IF EXISTS owner_all ON meta;
CREATE POLICY owner_all ON meta TO workload_owner USING (true) WITH CHECK (true);

-- court-wide accounts (管理员, 人事): every row of every table (writes as their privileges allow)
DROP POLICY IF EXISTS court_all ON cases;
CREATE POLICY court_all ON cases TO workload_admin, workload_personnel
    USING ((SELECT workload_court_wide())) WITH CHECK ((SELECT workload_court_wide()));
DROP POLICY IF EXISTS court_all ON case_results;
CREATE POLICY court_all ON case_results TO workload_admin, workload_personnel
    USING ((SELECT workload_court_wide())) WITH CHECK ((SELECT workload_court_wide()));
DROP POLICY IF EXISTS court_all ON held_reasons;
CREATE POLICY court_all ON held_reasons TO workload_admin, workload_personnel
    USING ((SELECT workload_court_wide())) WITH CHECK ((SELECT workload_court_wide()));
DROP POLICY IF EXISTS court_all ON page_reviews;
CREATE POLICY court_all ON page_reviews TO workload_admin, workload_personnel
    USING ((SELECT workload_court_wide())) WITH CHECK ((SELECT workload_court_wide()));
DROP POLICY IF EXISTS court_all ON post_reviews;
CREATE POLICY court_all ON post_reviews TO workload_admin, workload_personnel
    USING ((SELECT workload_court_wide())) WITH CHECK ((SELECT workload_court_wide()));
DROP POLICY IF EXISTS court_all ON pending_reasons;
CREATE POLICY court_all ON pending_reasons TO workload_admin, workload_personnel
    USING ((SELECT workload_court_wide())) WITH CHECK ((SELECT workload_court_wide()));
DROP POLICY IF EXISTS court_all ON judge_credit;
CREATE POLICY court_all ON judge_credit TO workload_admin, workload_personnel
    USING ((SELECT workload_court_wide())) WITH CHECK ((SELECT workload_court_wide()));
DROP POLICY IF EXISTS court_all ON quota_plans;
CREATE POLICY court_all ON quota_plans TO workload_admin, workload_personnel
    USING ((SELECT workload_court_wide())) WITH CHECK ((SELECT workload_court_wide()));
DROP POLICY IF EXISTS court_all ON quota_overrides;
CREATE POLICY court_all ON quota_overrides TO workload_admin, workload_personnel
    USING ((SELECT workload_court_wide())) WITH CHECK ((SELECT workload_court_wide()));
DROP POLICY IF EXISTS court_all ON queries;
CREATE POLICY court_all ON queries TO workload_admin, workload_personnel
    USING ((SELECT workload_court_wide())) WITH CHECK ((SELECT workload_court_wide()));
DROP POLICY IF EXISTS court_all ON audit_log;
CREATE POLICY court_all ON audit_log TO workload_admin, workload_personnel
    USING ((SELECT workload_court_wide())) WITH CHECK ((SELECT workload_court_wide()));
DROP POLICY IF EXISTS court_all ON users;
CREATE POLICY court_all ON users TO workload_admin, workload_personnel
    USING ((SELECT workload_court_wide())) WITH CHECK ((SELECT workload_account_role()) = 'admin');
DROP POLICY IF EXISTS court_all ON meta;
CREATE POLICY court_all ON meta TO workload_admin, workload_personnel
    USING ((SELECT workload_court_wide())) WITH CHECK ((SELECT workload_court_wide()));

-- 法官 / 庭长: the cases they may see
DROP POLICY IF EXISTS own_read ON cases;
CREATE POLICY own_read ON cases FOR SELECT TO workload_division_head, workload_judge
    USING (
        judge_id = (SELECT workload_account_judge())
        OR division_id = (SELECT workload_account_division())
        OR (panel IS NOT NULL
            AND (SELECT workload_account_judge_name()) = ANY (regexp_split_to_array(panel, '[、,，;；[:space:]/]+')))
    );
DROP POLICY IF EXISTS own_read ON case_results;
CREATE POLICY own_read ON case_results FOR SELECT TO workload_division_head, workload_judge
    USING (EXISTS (SELECT 1 FROM cases c WHERE c.id = case_results.case_id));
DROP POLICY IF EXISTS own_read ON held_reasons;
CREATE POLICY own_read ON held_reasons FOR SELECT TO workload_division_head, workload_judge
    USING (EXISTS (SELECT 1 FROM cases c WHERE c.id = held_reasons.case_id));
DROP POLICY IF EXISTS own_read ON page_reviews;
CREATE POLICY own_read ON page_reviews FOR SELECT TO workload_division_head, workload_judge
    USING (EXISTS (SELECT 1 FROM cases c WHERE c.id = page_reviews.case_id));
DROP POLICY IF EXISTS own_read ON post_reviews;
CREATE POLICY own_read ON post_reviews FOR SELECT TO workload_division_head, workload_judge
    USING (EXISTS (SELECT 1 FROM cases c WHERE c.id = post_reviews.case_id));
DROP POLICY IF EXISTS own_rows ON pending_reasons;
CREATE POLICY own_rows ON pending_reasons TO workload_division_head, workload_judge
    USING (EXISTS (SELECT 1 FROM cases c WHERE c.id = pending_reasons.case_id))
    WITH CHECK (EXISTS (SELECT 1 FROM cases c WHERE c.id = pending_reasons.case_id));
DROP POLICY IF EXISTS all_read ON judge_credit;
CREATE POLICY all_read ON judge_credit FOR SELECT TO workload_division_head, workload_judge USING (true);
DROP POLICY IF EXISTS all_read ON quota_plans;
CREATE POLICY all_read ON quota_plans FOR SELECT TO workload_division_head, workload_judge USING (true);
DROP POLICY IF EXISTS own_read ON quota_overrides;
CREATE POLICY own_read ON quota_overrides FOR SELECT TO workload_division_head, workload_judge
    USING (
        judge_id = (SELECT workload_account_judge())
        OR judge_id IN (SELECT j.id FROM judges j WHERE j.division_id = (SELECT workload_account_division()))
    );
DROP POLICY IF EXISTS own_read ON queries;
CREATE POLICY own_read ON queries FOR SELECT TO workload_division_head, workload_judge
    USING (
        asked_by = session_user::text
        OR judge = (SELECT workload_account_judge_name())
        OR judge IN (SELECT j.name FROM judges j WHERE j.division_id = (SELECT workload_account_division()))
    );
DROP POLICY IF EXISTS own_ask ON queries;
CREATE POLICY own_ask ON queries FOR INSERT TO workload_division_head, workload_judge
    WITH CHECK (asked_by = session_user::text AND answer IS NULL AND answered_by IS NULL);
DROP POLICY IF EXISTS own_append ON audit_log;
CREATE POLICY own_append ON audit_log FOR INSERT TO workload_division_head, workload_judge
    WITH CHECK (role = (SELECT workload_role_label()));
DROP POLICY IF EXISTS own_read ON users;
CREATE POLICY own_read ON users FOR SELECT TO workload_division_head, workload_judge
    USING (login = session_user::text);
DROP POLICY IF EXISTS all_read ON meta;
CREATE POLICY all_read ON meta FOR SELECT TO workload_division_head, workload_judge USING (true);
DROP POLICY IF EXISTS audit_head_insert ON meta;
CREATE POLICY audit_head_insert ON meta FOR INSERT TO workload_division_head, workload_judge
    WITH CHECK (key = 'audit_head');
DROP POLICY IF EXISTS audit_head_update ON meta;
CREATE POLICY audit_head_update ON meta FOR UPDATE TO workload_division_head, workload_judge
    USING (key = 'audit_head') WITH CHECK (key = 'audit_head');

-- ---------------------------------------------------------------- the year-end grading (年度考核)
-- (tables of migrations 23 and 24). grading_years holds no one's figures: every login reads it.
-- grading_entries / grading_reviews: court-wide logins all rows; a 法官 its own row, a 庭长 its
-- division's and its own. A 法官 writes its own summary and acknowledgement and asks for its own
-- review; a 庭长 writes the opinions on its division's judges (and its own summary as a judge).
GRANT UPDATE (summary_text, summary_paper, summary_at, summary_by, ack_at, ack_opinion, ack_paper, ack_by)
    ON grading_entries TO workload_judge, workload_division_head;
GRANT UPDATE (head_opinion, head_opinion_by, head_opinion_at) ON grading_entries TO workload_division_head;
GRANT INSERT ON grading_reviews TO workload_judge, workload_division_head;
GRANT USAGE ON SEQUENCE grading_reviews_id_seq TO workload_judge, workload_division_head;
ALTER TABLE grading_entries ENABLE ROW LEVEL SECURITY;
ALTER TABLE grading_entries FORCE ROW LEVEL SECURITY;
ALTER TABLE grading_reviews ENABLE ROW LEVEL SECURITY;
ALTER TABLE grading_reviews FORCE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS owner_all ON grading_entries;
CREATE POLICY owner_all ON grading_entries TO workload_owner USING (true) WITH CHECK (true);
DROP POLICY IF EXISTS owner_all ON grading_reviews;
CREATE POLICY owner_all ON grading_reviews TO workload_owner USING (true) WITH CHECK (true);
DROP POLICY IF EXISTS court_all ON grading_entries;
CREATE POLICY court_all ON grading_entries TO workload_admin, workload_personnel
    USING ((SELECT workload_court_wide())) WITH CHECK ((SELECT workload_court_wide()));
DROP POLICY IF EXISTS court_all ON grading_reviews;
CREATE POLICY court_all ON grading_reviews TO workload_admin, workload_personnel
    USING ((SELECT workload_court_wide())) WITH CHECK ((SELECT workload_court_wide()));
DROP POLICY IF EXISTS own_read ON grading_entries;
CREATE POLICY own_read ON grading_entries FOR SELECT TO workload_division_head, workload_judge
    USING (
        judge_id = (SELECT workload_account_judge())
        OR judge_id IN (SELECT j.id FROM judges j WHERE j.division_id = (SELECT workload_account_division()))
    );
DROP POLICY IF EXISTS own_write ON grading_entries;
CREATE POLICY own_write ON grading_entries FOR UPDATE TO workload_division_head, workload_judge
    USING (
        judge_id = (SELECT workload_account_judge())
        OR judge_id IN (SELECT j.id FROM judges j WHERE j.division_id = (SELECT workload_account_division()))
    );
DROP POLICY IF EXISTS own_read ON grading_reviews;
CREATE POLICY own_read ON grading_reviews FOR SELECT TO workload_division_head, workload_judge
    USING (
        judge_id = (SELECT workload_account_judge())
        OR judge_id IN (SELECT j.id FROM judges j WHERE j.division_id = (SELECT workload_account_division()))
    );
DROP POLICY IF EXISTS own_request ON grading_reviews;
CREATE POLICY own_request ON grading_reviews FOR INSERT TO workload_division_head, workload_judge
    WITH CHECK (judge_id = (SELECT workload_account_judge()) AND decided_at IS NULL AND decided_grade IS NULL);
