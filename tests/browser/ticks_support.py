"""Helpers for the tickable-checklist browser tests: locators and a console-error watch."""

from __future__ import annotations

from playwright.sync_api import expect

STEP_1 = "steps/limit-the-damage/"
STEP_2 = "steps/tell-your-manager/"
OVERVIEW = "steps/"
RIGHT_NOW = "right-now/"


def watch_errors(page: object, errors: list[str]) -> object:
    """Record console errors and uncaught exceptions of `page` into `errors`; return the page."""

    def on_console(message: object) -> None:
        if message.type == "error":
            errors.append(message.text)

    page.on("console", on_console)
    page.on("pageerror", lambda error: errors.append(str(error)))
    return page


def checklist(page: object, checklist_id: str = "limit-the-damage") -> object:
    """The checklist section with this id."""
    return page.locator(f"section#checklist-{checklist_id}")


def boxes(page: object, checklist_id: str = "limit-the-damage") -> object:
    """The native checkboxes of one checklist."""
    return checklist(page, checklist_id).locator("input.guide-checklist__box")


def progress(page: object, checklist_id: str = "limit-the-damage") -> str:
    """The text of a checklist's progress line ("2 of 6 done")."""
    return checklist(page, checklist_id).locator(".guide-ticks__count").inner_text().strip()


def progress_shows(page: object, text: str, checklist_id: str = "limit-the-damage") -> None:
    """Wait until a checklist's progress line says `text`. ticks.js loads on the first tick and
    plays it again, so that tick is counted and saved a moment after the box shows it."""
    expect(checklist(page, checklist_id).locator(".guide-ticks__count")).to_have_text(text)


def step_status(page: object, step_id: str) -> str:
    """The status shown for a step on the overview, without the screen-reader prefix."""
    text = page.locator(f"[data-step-status='{step_id}']").first.text_content() or ""
    return text.replace("Status:", "").strip()


def ticked(page: object, checklist_id: str = "limit-the-damage") -> list[bool]:
    """Which boxes of a checklist are ticked, in page order."""
    return [box.is_checked() for box in boxes(page, checklist_id).all()]


def stored_text(page: object) -> str:
    """What the guide keeps in localStorage, as one string; Material's own keys hold "__"."""
    return page.evaluate(STORED_TEXT)


STORED_TEXT = """() => Object.keys(localStorage)
  .filter((key) => !key.includes("__"))
  .map((key) => `${key}=${localStorage.getItem(key)}`)
  .join("\\n")"""
