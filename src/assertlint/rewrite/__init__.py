"""Rewrites: suggestion templates → edits with sentence repairs → the fixer that applies them."""
