"""Market data: real salaries from the ai-jobs.net survey (CC0), set beside the guide's claims.

``salary_report`` answers one salary question (percentiles, groups, trend, the guide's range),
``hubs_report`` shows where the salaries are. The data is a Parquet file built by
``python -m aicareers.build.market``; job titles map to careers through ``data/title_map.yaml``.
Importing this package loads numpy; the CLI imports it only when such a command runs.
"""

from __future__ import annotations

from .filters import SalaryFilters
from .hubs import HubsReport, hubs_report
from .report import SalaryReport, salary_report

__all__ = ["HubsReport", "SalaryFilters", "SalaryReport", "hubs_report", "salary_report"]
