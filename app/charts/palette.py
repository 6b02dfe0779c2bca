"""The charts' colours: colour-blind-safe platform colours (one per platform, the same in
every chart and period), the time chart's activity colours and the activities' names.
No matplotlib here.
"""

from __future__ import annotations

from app.i18n import N_

# Okabe & Ito (2008), "Color Universal Design": distinguishable with any colour vision.
OKABE_ITO = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
}
# Paul Tol's "muted" scheme (2021), also made for colour-blind readers: the darker ones,
# for the 8th to the 11th platform.
TOL_MUTED = {"indigo": "#332288", "wine": "#882255", "teal": "#44AA99", "olive": "#999933"}
# Platform colours, by platform id: a platform keeps its colour in every chart and period.
# Black stays free for thresholds and totals; yellow, the hardest to see on white, comes
# after the other Okabe & Ito colours.
PLATFORM_COLORS = (
    OKABE_ITO["blue"],
    OKABE_ITO["orange"],
    OKABE_ITO["bluish_green"],
    OKABE_ITO["vermillion"],
    OKABE_ITO["reddish_purple"],
    OKABE_ITO["sky_blue"],
    OKABE_ITO["yellow"],
    TOL_MUTED["indigo"],
    TOL_MUTED["wine"],
    TOL_MUTED["teal"],
    TOL_MUTED["olive"],
)
# Time chart: paid work, then each unpaid activity, then the short bridged gaps.
ACTIVITY_COLORS = {
    "task": OKABE_ITO["blue"],
    "search": OKABE_ITO["orange"],
    "qualification": OKABE_ITO["sky_blue"],
    "communication": OKABE_ITO["reddish_purple"],
    "payment": OKABE_ITO["vermillion"],
    "other": OKABE_ITO["yellow"],
    "gaps": "#BBBBBB",
}
ACTIVITY_NAMES = {
    "task": N_("Paid tasks"),
    "search": N_("Searching for work"),
    "qualification": N_("Qualification tests"),
    "communication": N_("Messages"),
    "payment": N_("Managing payments"),
    "other": N_("Other unpaid work"),
    "gaps": N_("Short breaks (counted as work)"),
}


def platform_color(platform_id: int) -> str:
    return PLATFORM_COLORS[(platform_id - 1) % len(PLATFORM_COLORS)]
