"""法官工作量计算器 — converts closed cases into standard cases (标准案件), plans quotas, prints sheets."""

import os

# openpyxl switches its XML parser to lxml whenever lxml is installed (a PDF tool such as pikepdf
# brings it in; reports/archive.py uses pypdf for that reason). The xlsx reader's and writer's
# guards (a cell over Excel's 32,767 characters refused, a carriage return kept as text, a formula
# cell without a cached value) are written and tested against the standard library's parser, and
# must not change with what else happens to be installed: keep openpyxl on it unless the
# environment says otherwise.
os.environ.setdefault("OPENPYXL_LXML", "False")

__version__ = "0.1.0"
