"""The folder pipeline (nova.workspace): which file provides a duplicated module, import cycles reported once
and without noise from the check order, a warm start's stale set, headers reused by source hash."""

from __future__ import annotations

from pathlib import Path

from nova.workspace import (
    FolderCheck,
    check_folder,
    check_workspace,
    known_headers,
    make_source,
    plan,
    stale_after_restore,
)
from tests.nova.types.helpers import root


def codes(result: object, path: str) -> list[str]:
    return sorted(d.code for d in result.diagnostics_by_path[path])  # type: ignore[attr-defined]


def test_the_first_file_by_path_provides_a_duplicated_module_and_both_are_flagged() -> None:
    result = check_workspace({
        "/ws/b/Twin.nova": "module Twin where\n\nimport Prelude\n\nx :: String\nx = \"b\"\n",
        "/ws/a/Twin.nova": "module Twin where\n\nimport Prelude\n\nx :: Int\nx = true\n",
        "/ws/User.nova": "module User where\n\nimport Prelude\nimport Twin (x)\n\ny :: Int\ny = x + 1\n",
    }, root(), Path("/ws"))
    assert result.paths["Twin"] == "/ws/a/Twin.nova"
    assert codes(result, "/ws/a/Twin.nova") == ["DuplicateModule", "TypesDoNotUnify"]
    assert codes(result, "/ws/b/Twin.nova") == ["DuplicateModule"]  # checked too: its own errors would show
    assert codes(result, "/ws/User.nova") == []  # typed against a/Twin.nova's `x :: Int`
    (duplicate,) = [d for d in result.diagnostics_by_path["/ws/b/Twin.nova"] if d.code == "DuplicateModule"]
    assert duplicate.message == "Module `Twin` is also declared in a/Twin.nova."
    assert (duplicate.span.start_line, duplicate.span.start_col) == (0, 7)
    assert duplicate.related[0].path == "/ws/a/Twin.nova"


def test_a_projects_own_file_provides_a_module_before_a_dependencys() -> None:
    own = make_source("/ws/z/M.nova", "module M where\n")
    dependency = make_source("/lib/a/M.nova", "module M where\n", read_only=True)
    assert plan([dependency, own]).owners["M"] is own


def test_cycles_report_the_cycle_alone_whatever_the_order() -> None:
    for names in (("A", "B", "C"), ("C", "B", "A")):
        sources = {
            f"/ws/{names[0]}.nova": f"module {names[0]} where\n\nimport Prelude\nimport {names[1]} (b)\n\n"
                                    f"a :: Int\na = b + 1\n",
            f"/ws/{names[1]}.nova": f"module {names[1]} where\n\nimport Prelude\nimport {names[2]} (c)\n\n"
                                    f"b :: Int\nb = c + 1\n",
            f"/ws/{names[2]}.nova": f"module {names[2]} where\n\nimport Prelude\nimport {names[0]} (a)\n\n"
                                    f"c :: Int\nc = a + 1\n",
            "/ws/Outside.nova": f"module Outside where\n\nimport Prelude\nimport {names[0]} (a)\n\no :: Int\no = a\n",
        }
        result = check_workspace(sources, root())
        for name in names:
            assert codes(result, f"/ws/{name}.nova") == ["CycleInModules"], (names, name)
        assert codes(result, "/ws/Outside.nova") == []


def test_check_folder_reads_a_package_and_its_dependency(tmp_path: Path) -> None:
    app, lib = tmp_path / "app", tmp_path / "lib"
    (app / "src").mkdir(parents=True)
    lib.mkdir()
    (app / "nova.toml").write_text('[package]\nname = "app"\n[dependencies]\nlib = { path = "../lib" }\n')
    (lib / "nova.toml").write_text('[package]\nname = "lib"\nsources = ["*.nova"]\n')
    (lib / "Lib.nova").write_text("module Lib where\n\nimport Prelude\n\none :: Int\none = 1\n")
    (app / "src" / "Main.nova").write_text("module Main where\n\nimport Prelude\nimport Lib (one)\n\nm :: Int\n"
                                           "m = one\n")
    result = check_folder(app, root())
    assert result.project is not None and result.project.name == "app"
    assert sorted(result.paths) == ["Lib", "Main"]
    assert codes(result, str(app / "src" / "Main.nova")) == []
    assert result.sources[str(lib / "Lib.nova")].read_only


def test_stale_after_restore_is_edits_their_importers_removals_and_whole_cycles() -> None:
    texts = {
        "/ws/Base.nova": "module Base where\n\nimport Prelude\n\nbase :: Int\nbase = 1\n",
        "/ws/Mid.nova": "module Mid where\n\nimport Prelude\nimport Base (base)\n\nmid :: Int\nmid = base\n",
        "/ws/Top.nova": "module Top where\n\nimport Prelude\nimport Mid (mid)\n\ntop :: Int\ntop = mid\n",
        "/ws/Alone.nova": "module Alone where\n\nalone :: Int\nalone = 1\n",
        "/ws/Gone.nova": "module Gone where\n\ng :: Int\ng = 1\n",
        "/ws/P.nova": "module P where\n\nimport Q\n\np :: Int\np = 1\n",
        "/ws/Q.nova": "module Q where\n\nimport P\n\nq :: Int\nq = 1\n",
    }
    layer = check_workspace(texts, root()).layer
    known = known_headers(layer)
    edited = dict(texts)
    edited["/ws/Base.nova"] = texts["/ws/Base.nova"] + "\nmore :: Int\nmore = 2\n"
    edited["/ws/Q.nova"] = texts["/ws/Q.nova"] + "\nqq :: Int\nqq = 2\n"
    del edited["/ws/Gone.nova"]
    sources = [make_source(p, t, known=known) for p, t in edited.items()]
    unchanged = next(s for s in sources if s.path == "/ws/Alone.nova")
    assert unchanged._header is None and unchanged.module == "Alone"  # known by its hash: not parsed again
    stale, removed = stale_after_restore(plan(sources), layer)
    assert stale == {"Base", "Mid", "Top", "P", "Q"} and removed == {"Gone"}


def test_folder_check_steps_one_module_at_a_time_and_only_the_stale_ones() -> None:
    texts = {
        "/ws/A.nova": "module A where\n\na :: Int\na = 1\n",
        "/ws/B.nova": "module B where\n\nimport A (a)\n\nb :: Int\nb = a\n",
        "/ws/C.nova": "module C where\n\nc :: Int\nc = 1\n",
    }
    layer = root().begin_batch()
    the_plan = plan([make_source(p, t) for p, t in texts.items()])
    run = FolderCheck(the_plan, layer, only={"A", "B"}, unowned=False)
    order = []
    while (step := run.next_step()) is not None:
        order.append(step.source.module)
        put = run.record(step, run.check(step))
        assert put is not None and put.exports_changed
    assert order == ["A", "B"] and layer.get("C") is None and layer.get("B") is not None


REPO = Path(__file__).resolve().parents[2]


def test_a_header_read_from_the_whole_parse_is_the_header_parsers() -> None:
    from nova.syntax import parse_module
    from nova.workspace import source_of_parse

    files = sorted((REPO / "examples").glob("*.nova")) + sorted((REPO / "tests/corpus/types").rglob("*.nova"))
    files += sorted((REPO / "nova/stdlib").glob("Data.*.nova"))[:20]
    files += [REPO / "tests/corpus/printing/Printing.Errors.nova"]
    assert len(files) > 40
    for path in files:
        text = path.read_text()
        made, from_parse = make_source(path, text), source_of_parse(path, text, parse_module(text))
        for field in ("path", "text", "text_hash", "module", "imports", "read_only", "diagnostics"):
            assert getattr(made, field) == getattr(from_parse, field), (path, field)
        assert made.header() == from_parse.header(), path
    broken = "module Broken where\n\nimport Prelude\nimport (\n\nx = 1\n"
    assert source_of_parse("B.nova", broken, parse_module(broken)).header() == make_source("B.nova", broken).header()


def test_checking_texts_parsed_once_reports_what_checking_read_sources_does() -> None:
    from nova.workspace import check_sources

    texts = {str(p): p.read_text() for p in sorted((REPO / "tests/corpus/types").rglob("*.nova"))}
    once = check_workspace(texts, root())
    twice = check_sources([make_source(path, text) for path, text in texts.items()], root())
    assert once.diagnostics_by_path == twice.diagnostics_by_path
    assert sum(len(ds) for ds in once.diagnostics_by_path.values()) > 10  # the error corpus reports
    assert once.modules.keys() == twice.modules.keys()
    for module, checked in once.modules.items():
        assert checked.typed_ast == twice.modules[module].typed_ast, module
