-- name: year versions bumped once per statement on cases, not once per case row
-- The row trigger of 0018 ran bump_year_version for every case a statement wrote: a COPY of
-- 216,000 demo cases updated the same year_versions row 216,000 times in one transaction, each
-- update walking the chain of that row's earlier versions (660 s of a 100k demo's 770 s on the
-- server). A year's version only has to move when its cases change: once per statement and
-- distinct year is enough (readers compare versions for equality, derived.year_version).
DROP TRIGGER year_version_cases ON cases;
DROP FUNCTION year_version_cases();

CREATE FUNCTION year_version_cases_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM bump_year_version(y) FROM (SELECT DISTINCT closed_year AS y FROM new_rows) AS years;
    RETURN NULL;
END;
$$;

CREATE FUNCTION year_version_cases_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM bump_year_version(y)
    FROM (SELECT closed_year AS y FROM old_rows UNION SELECT closed_year FROM new_rows) AS years;
    RETURN NULL;
END;
$$;

CREATE FUNCTION year_version_cases_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM bump_year_version(y) FROM (SELECT DISTINCT closed_year AS y FROM old_rows) AS years;
    RETURN NULL;
END;
$$;

CREATE TRIGGER year_version_cases_insert AFTER INSERT ON cases REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION year_version_cases_inserted();
CREATE TRIGGER year_version_cases_update AFTER UPDATE ON cases
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION year_version_cases_updated();
CREATE TRIGGER year_version_cases_delete AFTER DELETE ON cases REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION year_version_cases_deleted();
