"""yusuan (预算): read, audit and compose Chinese public budget disclosures."""

__version__ = "0.1.0"
