"""The ways in that live outside Python: the dev container, the CI workflows and `make help`.

A typo in one of these files shows up only on someone else's laptop or CI host, so each is read
here: valid JSON or YAML, running .ci/run, keeping the site and the zips, and installing the same
system packages as .ci/run.
"""

from __future__ import annotations

import json
import re
import subprocess

import yaml

from tests.support import ROOT

CI_RUN = ROOT / ".ci" / "run"
DOCKERFILE = ROOT / ".devcontainer" / "Dockerfile"


def ci_packages() -> set[str]:
    """The Debian packages .ci/run installs: those it adds when missing, and the rest."""
    text = CI_RUN.read_text(encoding="utf-8")
    added = {name for group in re.findall(r"missing\+=\(([^)]*)\)", text) for name in group.split()}
    install = re.search(r'apt-get install [^\n]*"\$\{missing\[@\]\}"([^\n]*)', text)
    assert install, "no 'apt-get install ... \"${missing[@]}\" ...' line in .ci/run"
    return added | set(install[1].split())


def dockerfile_packages() -> set[str]:
    """The Debian packages the dev container's `apt-get install` names."""
    text = DOCKERFILE.read_text(encoding="utf-8").replace("\\\n", " ")
    install = re.search(r"apt-get install((?: +[-a-z0-9.+]+)+)", text)
    assert install, "no apt-get install in .devcontainer/Dockerfile"
    return {word for word in install[1].split() if not word.startswith("-")}


def test_the_dev_container_installs_what_ci_installs() -> None:
    wanted = ci_packages()
    assert {"chromium", "poppler-utils", "fonts-dejavu-core", "nodejs", "npm"} <= wanted
    assert wanted <= dockerfile_packages(), wanted - dockerfile_packages()
    text = DOCKERFILE.read_text(encoding="utf-8")
    assert re.search(r"^FROM python:3\.11[-.\w]*$", text, re.MULTILINE), "Python 3.11, as CI"


def test_the_dev_container_config_is_valid_json_and_builds_the_dockerfile() -> None:
    config = json.loads((ROOT / ".devcontainer" / "devcontainer.json").read_text(encoding="utf-8"))
    assert config["build"]["dockerfile"] == "Dockerfile"
    assert 8000 in config["forwardPorts"]  # the preview of `make serve`
    assert config["postCreateCommand"].startswith("make ")


def test_github_actions_runs_ci_and_keeps_the_site_and_zips() -> None:
    workflow = yaml.safe_load((ROOT / ".github/workflows/ci.yml").read_text(encoding="utf-8"))
    (job,) = workflow["jobs"].values()
    assert job["container"].startswith("python:3.11")
    runs = [step.get("run", "") for step in job["steps"]]
    assert any(re.search(r"^\s*\.ci/run\s*$", run, re.MULTILINE) for run in runs), runs
    kept = [
        step["with"]["path"] for step in job["steps"] if "upload-artifact" in step.get("uses", "")
    ]
    assert "site/" in kept and "dist/*.zip" in kept, kept
    # push (`on:` reads as True in YAML 1.1) and pull requests both run it
    triggers = workflow.get("on", workflow.get(True))
    assert "push" in triggers and "pull_request" in triggers


def test_gitlab_ci_runs_ci_and_keeps_the_site_and_zips() -> None:
    config = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    jobs = [job for job in config.values() if isinstance(job, dict) and "script" in job]
    assert len(jobs) == 1
    (job,) = jobs
    assert job["image"].startswith("python:3.11")
    assert job["script"] == [".ci/run"]
    assert {"site/", "dist/*.zip"} <= set(job["artifacts"]["paths"])


def test_ci_run_builds_what_the_workflows_keep() -> None:
    text = CI_RUN.read_text(encoding="utf-8")
    assert re.search(r"^make test$", text, re.MULTILINE)
    # dist/*.zip: the site, the offline copy and the SCORM packages
    assert re.search(r"^make dist offline scorm$", text, re.MULTILINE)


def test_make_help_lists_authors_targets_first_then_developers() -> None:
    result = subprocess.run(
        ["make", "--no-print-directory", "help"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    authors, developers = result.stdout.split("\n\n")
    assert authors.startswith("For authors")
    assert developers.startswith("For developers")
    listed = {
        group: re.findall(r"^  make (\S+) ", text, re.MULTILINE)
        for group, text in (("authors", authors), ("developers", developers))
    }
    assert listed["authors"][:2] == ["serve", "check"]  # an author's first two commands
    assert {"build", "words", "links-lock", "dist", "offline", "scorm"} <= set(listed["authors"])
    assert {"test", "lint", "format", "lock"} <= set(listed["developers"])
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    documented = set(re.findall(r"^([a-z-]+):.*## ", makefile, re.MULTILINE))
    assert sorted(listed["authors"] + listed["developers"]) == sorted(documented)
