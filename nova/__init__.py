"""Nova: the language (syntax → types → eval) and its standard library."""

from nova.compiled import select

MODE = select()
"""`"compiled"` when the checker's mypyc-built extension modules run, `"pure"` when its Python sources do
(`nova.compiled`)."""
