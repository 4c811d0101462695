"""The author's proofreading checks, run on a built site by `make check` and by the tests.

Each check returns problems as ContentError values (never raised here), so every line an author
reads has the same shape as a build error: file and line, what is wrong, the fix.
"""
