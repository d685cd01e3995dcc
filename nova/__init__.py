"""Nova: the language (syntax → types → eval) and its standard library."""
