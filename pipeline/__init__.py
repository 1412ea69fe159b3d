"""lakip: ingest, validate, load and report kecamatan performance reports (LKjIP).

From Python (see :mod:`pipeline.api` and the README, "From Python")::

    import pipeline

    v = pipeline.validate("raw")  # findings and submissions as polars frames, writes nothing
    r = pipeline.run("raw", warehouse="warehouse/lakip.duckdb", reports="reports", out="out")

``import pipeline`` imports nothing heavy: the API is looked up on first use.

``ingest``, ``validate``, ``load``, ``report``, ``generate``, ``query``, ``template``,
``feedback`` and ``status`` are also the names of the library modules (``from pipeline
import validate as checks`` keeps working). Python binds a
submodule to its package's attribute on import, which would replace the function of the
same name; so here a stage module is itself callable and calls the API function of its
name: ``pipeline.validate("raw")`` is ``pipeline.api.validate("raw")`` whichever was
imported first.
"""

from __future__ import annotations

import sys
import types
from typing import Any

__version__ = "0.1.0"

_STAGES = frozenset(
    {"ingest", "validate", "load", "report", "generate", "query", "template", "feedback", "status"}
)
"""Stage modules that share their name with an API function."""
_API = frozenset({"run", "rebuild", "export", "Result"})
"""API names that are not module names."""


class _Stage(types.ModuleType):
    """A stage module that, called, runs the API function of the same name."""

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        from pipeline import api

        return getattr(api, self.__name__.rpartition(".")[2])(*args, **kwargs)


class _Package(types.ModuleType):
    """``pipeline`` itself: makes each stage module callable as it is bound here."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _STAGES and type(value) is types.ModuleType:
            value.__class__ = _Stage
        super().__setattr__(name, value)


def __getattr__(name: str) -> Any:
    """The API, imported on first use."""
    import importlib

    if name in _STAGES:
        return importlib.import_module(f"pipeline.{name}")  # binds it here, callable
    if name in _API:
        return getattr(importlib.import_module("pipeline.api"), name)
    raise AttributeError(f"module 'pipeline' has no attribute {name!r}")


sys.modules[__name__].__class__ = _Package
