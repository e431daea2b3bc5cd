-- name: year versions bumped once per statement on cases, not once per case row
-- The court server's 0027 replaces its per-row year-version trigger on cases with statement
-- triggers (a per-row bump walked the same row's version chain once per case written). A file's
-- year_version_* triggers of 0015 are cheap in SQLite and stay as they are: this step changes
-- nothing in a file and keeps both stores at the same schema version.
SELECT 1;
