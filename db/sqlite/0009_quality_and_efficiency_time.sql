-- name: quality and efficiency: time limits, appeals, enforcement amounts, long-pending reasons

-- 审限天数 from the export (else the year's parameters)
ALTER TABLE cases ADD COLUMN time_limit_days INTEGER;

-- 延长审限天数 (approved extension)
ALTER TABLE cases ADD COLUMN extension_days INTEGER;

-- 扣除审限天数 (公告, 鉴定, 中止 …)
ALTER TABLE cases ADD COLUMN deducted_days INTEGER;

-- 上诉: 1/0/NULL
ALTER TABLE cases ADD COLUMN appealed INTEGER;

-- 二审结果: 维持/改判/发回重审/撤诉/调解 …
ALTER TABLE cases ADD COLUMN appeal_result TEXT;

-- when the appellate outcome reached us (the figure's data date)
ALTER TABLE cases ADD COLUMN appeal_recorded_on TEXT;

-- 原审案号 (canonical form)
ALTER TABLE cases ADD COLUMN original_case_number TEXT;

-- 申请执行标的金额
ALTER TABLE cases ADD COLUMN enforcement_applied REAL;

-- 执行到位金额
ALTER TABLE cases ADD COLUMN enforcement_recovered REAL;

CREATE TABLE pending_reasons (          -- why a long-pending case is still open
            case_id INTEGER PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
            reason TEXT NOT NULL,                  -- 鉴定/公告/中止/等待他案/其他
            note TEXT NOT NULL DEFAULT '',
            recorded_by TEXT NOT NULL,
            recorded_at TEXT NOT NULL
        );
