"""The guide's content: the model (model.py), read and checked from data/ (loaders.py).

Import from here: `from macros.content import Content, load_content`.
"""

from __future__ import annotations

from macros.content.contrast import MIN_CONTRAST, contrast_with_white
from macros.content.loaders import load_content
from macros.content.model import (
    CONTACTS,
    SEVERITIES,
    STEP_COUNT,
    Change,
    Checklist,
    ChecklistItem,
    Contact,
    Content,
    Example,
    FirstHour,
    Settings,
    Step,
    TriageLine,
)

__all__ = [
    "CONTACTS",
    "MIN_CONTRAST",
    "SEVERITIES",
    "STEP_COUNT",
    "Change",
    "Checklist",
    "ChecklistItem",
    "Contact",
    "Content",
    "Example",
    "FirstHour",
    "Settings",
    "Step",
    "TriageLine",
    "contrast_with_white",
    "load_content",
]
