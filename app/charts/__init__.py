"""Charts: monthly income, the real hourly wage, where the hours went, payout delays, rejections.

Two steps, so that tests (and the window) can check what a chart shows
without looking at pixels:

1. `chart_set()` / `chart_data()` (and `income_data()`, `wage_data()`...) build
   plain frozen dataclasses from the report service: one report per month of
   the period, so every figure is the report's own (DESIGN.md "Definitions").
2. `figure_for(kind, data, tr)` / `draw_chart(figure, data, tr)` draw them on a
   matplotlib `Figure` (no pyplot, no Qt; matplotlib is imported only when a
   figure is made), and `save_figure()` writes PNG, SVG or PDF.

Month names, money and percentages are in the user's language (Babel); each
platform keeps one colour-blind-safe colour (Okabe–Ito) in every chart.
"""

from app.charts.data import (
    KINDS,
    OKABE_ITO,
    PLATFORM_COLORS,
    ChartData,
    ChartKind,
    ChartPeriod,
    ChartSet,
    IncomeData,
    MoneySeries,
    MonthSlice,
    PayoutData,
    PayoutPoint,
    RejectionData,
    RejectionSeries,
    ReportCache,
    TimeData,
    WageData,
    WageSeries,
    chart_data,
    chart_period,
    chart_set,
    income_data,
    last_months,
    month_slices,
    monthly_reports,
    payout_data,
    platform_color,
    rejection_data,
    time_data,
    wage_data,
)
from app.charts.figures import (
    FORMATS,
    chart_title,
    check_target,
    draw_chart,
    figure_for,
    import_matplotlib,
    new_figure,
    output_format,
    prewarm,
    save_figure,
)
from app.charts.hover import HoverTarget, hover_text

__all__ = [
    "FORMATS",
    "KINDS",
    "OKABE_ITO",
    "PLATFORM_COLORS",
    "ChartData",
    "ChartKind",
    "ChartPeriod",
    "ChartSet",
    "HoverTarget",
    "IncomeData",
    "MoneySeries",
    "MonthSlice",
    "PayoutData",
    "PayoutPoint",
    "RejectionData",
    "RejectionSeries",
    "ReportCache",
    "TimeData",
    "WageData",
    "WageSeries",
    "chart_data",
    "chart_period",
    "chart_set",
    "chart_title",
    "check_target",
    "draw_chart",
    "figure_for",
    "hover_text",
    "import_matplotlib",
    "income_data",
    "last_months",
    "month_slices",
    "monthly_reports",
    "new_figure",
    "output_format",
    "payout_data",
    "platform_color",
    "prewarm",
    "rejection_data",
    "save_figure",
    "time_data",
    "wage_data",
]
