"""The IDE layer: what an editor asks about Nova code, answered as plain data.

Each module here is a set of pure functions over a `Workspace` (a registry view plus the text, typed tree and parse
tree of each module, see `source.py`) and one document; they return dataclasses from `model.py` with positions in
code points (0-based lines and columns, as every pass of the language counts them). Nothing here knows LSP: the
server's feature modules convert these results to protocol types and client position encodings.
"""
