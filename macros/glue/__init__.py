"""The only code that knows MkDocs and mkdocs-macros: it hands their objects to the engine.

Everything else under macros/ is the engine (content, components, printing, catalogue, checks)
and imports nothing from MkDocs, so another generator can drive it.
"""
