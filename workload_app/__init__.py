"""法官工作量计算器 — converts closed cases into standard cases (标准案件), plans quotas, prints sheets."""

__version__ = "0.1.0"
