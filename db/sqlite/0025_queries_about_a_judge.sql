-- name: queries about a judge's quota or figures, and the asker and answerer by name

-- A query is about a case (kind 'case', as before), about the judge's quota and monthly targets
-- ('quota', 年度任务/月度目标) or about the judge's figures ('figures'); for the last two
-- case_number is '' and judge names whose quota or figures are questioned.
ALTER TABLE queries ADD COLUMN kind TEXT NOT NULL DEFAULT 'case'
    CHECK (kind IN ('case', 'quota', 'figures'));
-- how the asker and the answerer are shown: the linked judge's name, else the account's display
-- name, else the login (stamped when asked or answered)
ALTER TABLE queries ADD COLUMN asked_by_name TEXT;
ALTER TABLE queries ADD COLUMN answered_by_name TEXT;

UPDATE queries SET asked_by_name = (
    SELECT COALESCE(j.name, NULLIF(u.display_name, ''), u.login)
    FROM users u LEFT JOIN judges j ON j.id = u.judge_id WHERE u.login = queries.asked_by
);
UPDATE queries SET answered_by_name = (
    SELECT COALESCE(j.name, NULLIF(u.display_name, ''), u.login)
    FROM users u LEFT JOIN judges j ON j.id = u.judge_id WHERE u.login = queries.answered_by
) WHERE answered_by IS NOT NULL;
