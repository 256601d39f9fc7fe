"""assertlint's version, in a module of its own so that nothing needs the package's __init__."""
__version__ = "0.2.0"
