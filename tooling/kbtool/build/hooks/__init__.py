"""MkDocs hooks (loaded by path from the generated per-language configurations)."""
