-- name: the server writes the audit trail and records every change; restricted logins read through its functions

-- Tables only the owner touches (no login holds a privilege on them; roles.sql revokes every
-- grant). The functions that use them are in roles.sql (re-applied by `server setup`).

-- The court's clock: the time zone the server writes audit times in (set by `server setup` from
-- the server's own configuration; a client's session TimeZone does not move it).
CREATE TABLE server_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);

-- Transactions in which the program's own audited action (workload_audit) wrote an audit row:
-- their changes are described by that row. Only workload_audit writes here.
CREATE TABLE audit_marks (txid BIGINT PRIMARY KEY);

-- Changes made in a transaction with no audit row yet, counted per table and kind of statement
-- by the change triggers; at commit one audit row "server.change" sums them up (unless the
-- transaction is marked), and they are deleted.
CREATE TABLE pending_changes (
    txid BIGINT NOT NULL,
    tbl TEXT NOT NULL,
    op TEXT NOT NULL,
    n BIGINT NOT NULL,
    PRIMARY KEY (txid, tbl, op)
);

-- What a 法官's or 庭长's login reads: views of the same names as the tables, each over a
-- SECURITY DEFINER function of roles.sql that returns only the login's scope.
CREATE SCHEMA workload_scope;
