"""Reading input: bytes → text (reader), line index (document), markup → prose pieces (markup)."""
