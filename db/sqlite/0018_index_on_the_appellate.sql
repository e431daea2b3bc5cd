-- name: index on the appellate outcomes' recording date

CREATE INDEX idx_cases_appeal_recorded ON cases(appeal_recorded_on);
