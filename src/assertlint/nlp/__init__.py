"""Load the spaCy pipeline once, lazily, with only the components the rules need."""
from .loader import DEFAULT_MODELS, load_pipeline

__all__ = ["DEFAULT_MODELS", "load_pipeline"]
