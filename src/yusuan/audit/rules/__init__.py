"""Rule families; importing this package registers every rule with the engine."""

from . import arith, classify, completeness, narrative, performance, text, units, xtab  # noqa: F401
