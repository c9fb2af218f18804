"""Reports for people and programs: a disclosure or an audit as text, JSON or HTML, and the rule
catalogue as text or Markdown. Reads the model and the catalogues only."""
