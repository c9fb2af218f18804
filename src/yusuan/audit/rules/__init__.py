"""Rule families; importing this package registers every rule with the engine."""

from . import (  # noqa: F401
    arith,
    classify,
    completeness,
    layout,
    narrative,
    narrative_changes,
    narrative_counts,
    narrative_lines,
    narrative_parts,
    performance,
    text,
    units,
    xtab,
)
