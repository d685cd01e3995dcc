"""The Nova formatter: one canonical layout in the style of PureScript's purs-tidy, safe by construction.

`format_source(text)` re-prints a file from its tokens, its comments and its layout blocks (see `printer`): line
breaks as the author wrote them (blank lines collapsed to one), canonical spacing on each line, canonical
indentation of `where`/`let`/`do`/`ado`/`of` blocks. It refuses a file with syntax errors (None), and it checks
its own work: the result is parsed again and its syntax tree compared with the original's (positions aside).
If canonical indentation would change the tree, it falls back to keeping each block's indentation; if even that
would, it leaves the file as it is. Every comment is kept; formatting twice gives the same text.

`edits_for(text, result, lines)` turns a result into plain-data edits (whole changed lines, code-point
positions) for the editor, optionally limited to the top-level declarations a range touches.
"""

from nova.format.edits import TextEdit, edits_for
from nova.format.format import FormatResult, format_source

__all__ = ["FormatResult", "TextEdit", "edits_for", "format_source"]
