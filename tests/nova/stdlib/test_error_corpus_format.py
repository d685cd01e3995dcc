"""The negative corpus's annotations are well formed and point at real text of their own line.

The checker's negative tests compare diagnostics with these annotations, so each range must be a valid 1-based,
end-exclusive range inside the file, and every diagnostic kind the README promises must have a file.
"""

from __future__ import annotations

import re
from pathlib import Path

ERRORS = Path(__file__).resolve().parents[2] / "corpus" / "types" / "errors"
ANNOTATION = re.compile(r"-- (error|warning)\[(\w+)\] at (\d+):(\d+)-(\d+):(\d+): (\S.*)$")
EXPECTED_KINDS = {
    "TypesDoNotUnify": "error",
    "InfiniteType": "error",
    "NoInstanceFound": "error",
    "EscapedSkolem": "error",
    "PropertyIsMissing": "error",
    "UnknownImport": "error",
    "UnknownName": "error",
    "CycleInModules": "error",
    "OverlappingPattern": "warning",
    "OrphanInstance": "warning",
    "KindsDoNotUnify": "error",
    "InfiniteKind": "error",
    "OrphanKindDeclaration": "error",
    "UndefinedTypeVariable": "error",
    "PartiallyAppliedSynonym": "error",
    "QuantificationCheckFailureInType": "error",
    "CannotApplyExpressionOfTypeOnType": "error",
    "CannotSkipTypeApplication": "error",
    "DuplicateValueDeclaration": "error",
    "DuplicateModule": "error",
    "IncorrectConstructorArity": "error",
    "MissingClassMember": "error",
    "ScopeConflict": "error",
    "OverlappingInstances": "error",
    "ClassInstanceArityMismatch": "error",
    "InvalidInstanceHead": "error",
    "AmbiguousTypeVariables": "error",
    "HoleInferredType": "error",
    "WildcardInferredType": "warning",
    "PossiblyInfiniteInstance": "error",
    "RoleMismatch": "error",
    "UserDefinedWarning": "warning",
    "CannotDerive": "error",
    "CannotDeriveInvalidConstructorArg": "error",
    "CannotFindDerivingType": "error",
    "ExpectedTypeConstructor": "error",
    "InvalidNewtypeInstance": "error",
    "MissingNewtypeSuperclassInstance": "warning",
    "UnverifiableSuperclassInstance": "warning",
    "ScopeShadowing": "warning",
    "CannotUseBindWithDo": "error",
    "InvalidDoLet": "error",
    "ExpectedWildcard": "error",
    "CannotDeriveNewtypeForData": "error",
    "ArgListLengthsDiffer": "error",
    "CaseBinderLengthDiffers": "error",
    "DuplicateLabel": "error",
    "OrphanTypeDeclaration": "error",
    "DuplicateInstance": "error",
    "InvalidDoBind": "error",
    "MultipleTypeOpFixities": "error",
    "IncorrectAnonymousArgument": "error",
    "MixedAssociativityError": "error",
}
# The two files of this pair declare the same module on purpose.
SAME_MODULE = {"Errors.SameModuleA.nova", "Errors.SameModuleB.nova"}


def _annotations() -> list[tuple[str, int, str, str, tuple[int, int, int, int], str]]:
    found = []
    for path in sorted(ERRORS.glob("*.nova")):
        lines = path.read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines, start=1):
            match = ANNOTATION.search(line)
            if match is None:
                assert "error[" not in line and "warning[" not in line, f"{path.name}:{number}: malformed annotation"
                continue
            start_line, start_col, end_line, end_col = (int(match.group(i)) for i in range(3, 7))
            found.append(
                (path.name, number, match.group(1), match.group(2), (start_line, start_col, end_line, end_col), line)
            )
    return found


def test_every_promised_kind_has_one_file_with_the_right_severity() -> None:
    kinds: dict[str, list[str]] = {}
    for file, _, severity, code, _, _ in _annotations():
        assert EXPECTED_KINDS[code] == severity, f"{file}: {code} should be a {EXPECTED_KINDS[code]}"
        kinds.setdefault(code, []).append(file)
    assert set(kinds) == set(EXPECTED_KINDS)
    assert sorted(kinds["CycleInModules"]) == ["Errors.CycleA.nova", "Errors.CycleB.nova"]
    assert set(kinds["DuplicateModule"]) == SAME_MODULE


def test_ranges_cover_code_on_the_annotated_line() -> None:
    for file, number, _, code, (l1, c1, l2, c2), line in _annotations():
        assert l1 == l2 == number, f"{file}:{number}: single-line range on its own line"
        code_part = line[: line.index(" -- ")]
        assert 1 <= c1 < c2 <= len(code_part) + 1, f"{file}:{number}: range outside the code"
        covered = code_part[c1 - 1 : c2 - 1]
        assert covered.strip() == covered and covered, f"{file}:{number}: {code} range covers {covered!r}"


def test_each_file_declares_its_module_and_has_one_annotation() -> None:
    counts: dict[str, int] = {}
    for file, *_ in _annotations():
        counts[file] = counts.get(file, 0) + 1
    for path in ERRORS.glob("*.nova"):
        header = re.search(r"^module ([\w.]+)", path.read_text(encoding="utf-8"), re.M)
        assert header is not None
        if path.name in SAME_MODULE:
            assert header.group(1) == "Errors.SameModule"
        else:
            assert path.name == f"{header.group(1)}.nova"
        assert counts.get(path.name) == 1, path.name
