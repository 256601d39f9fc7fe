"""Rules as data: the schema, the loader (built-in and user packs) and selection."""
from .loader import load_rules, builtin_rules_dir
from .model import Example, Pattern, Rule, SuggestionTemplate
from .select import select_rules

__all__ = ["Rule", "Pattern", "Example", "SuggestionTemplate", "load_rules", "builtin_rules_dir", "select_rules"]
