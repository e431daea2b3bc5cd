"""法官工作量计算器 — converts closed cases into standard cases (标准案件), plans quotas, prints sheets."""

import os

# openpyxl switches its XML parser to lxml whenever lxml is installed (a PDF tool such as pikepdf
# brings it in; reports/archive.py uses pypdf for that reason). The xlsx reader's and writer's
# guards (a cell over Excel's 32,767 characters refused, a carriage return kept as text, a formula
# cell without a cached value) are written and tested against the standard library's parser, and
# must not change with what else happens to be installed: keep openpyxl on it unless the
# environment says otherwise.
os.environ.setdefault("OPENPYXL_LXML", "False")

# pandas 3 keeps text columns in pyarrow whenever pyarrow is installed; the columnar reads bring it
# (storage/columnar.py). The application's frames keep Python strings, as without it: the same
# dtypes and values whether or not pyarrow is there, and the window's table models, which turn
# each column into a numpy array, were measured slower and larger with pyarrow strings
# (benchmarks/RESULTS.md).
import pandas as _pd  # noqa: E402

_pd.set_option("mode.string_storage", "python")

__version__ = "0.1.0"
