"""The Nova syntax tree: one frozen, slotted dataclass per construct of the language, each with its source span.

Design choices the later passes rely on:
- Every node has `span` (0-based lines, code-point columns, end exclusive). Binders that are plain strings carry a
  separate `name_span` so hover/rename can target the name alone.
- References keep their qualification: `List.map` is `Var(qualifier="List", name="map")`.
- Operator applications are parsed flat (`OpChain`, `PatOpChain`, `TypeOpChain`); `nova.syntax.resolve_fixity`
  rewrites them into nested `BinOp`/`PatBinOp`/`TypeBinOp` once the fixity table (with imported fixities) is known.
- Anonymous-argument holes (`_ + 1`, `_.name`, `case _ of`) are `Hole` nodes collected by the enclosing `Section`,
  which means `\\h1 h2 … -> body` with the holes bound left to right.
- Top-level declarations carry `doc` (the `-- |` comment lines right above, without the markers) and `fingerprint`
  (a stable hash of the declaration's tokens and doc comment: whitespace and other comments do not change it, while
  a re-indentation that changes the block structure does, because the layout's virtual tokens are hashed too).
- The `Hole` objects in `Section.holes` are the very objects inside `Section.body` (identity, not just equality).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from nova import keys
from nova.diagnostics import Span
from nova.frozen_init import fast_frozen_inits

# ---------------------------------------------------------------------------------------------------------------
# Names


@dataclass(frozen=True, slots=True)
class Name:
    """A possibly qualified name that is not an expression (class in an instance head, fixity target, member)."""

    span: Span
    name: str
    qualifier: str | None = None

    @property
    def full(self) -> str:
        return self.name if self.qualifier is None else f"{self.qualifier}.{self.name}"


# ---------------------------------------------------------------------------------------------------------------
# Types


@dataclass(frozen=True, slots=True)
class TypeVar:
    span: Span
    name: str


@dataclass(frozen=True, slots=True)
class TypeCon:
    """A type constructor reference (`Int`, `Maybe`, `M.Map`)."""

    span: Span
    name: str
    qualifier: str | None = None

    @property
    def full(self) -> str:
        return self.name if self.qualifier is None else f"{self.qualifier}.{self.name}"


@dataclass(frozen=True, slots=True)
class TypeWildcard:
    """`_` in a type (a type to be inferred; PureScript warns with the type it inferred)."""

    span: Span


@dataclass(frozen=True, slots=True)
class TypeHole:
    """A typed hole `?name` in a type: PureScript reports it as an error that shows the type it stands for."""

    span: Span
    name: str


@dataclass(frozen=True, slots=True)
class TypeString:
    """A type-level string (`"abc"` in `Proxy "abc"`), of kind `Symbol`; `value` is the decoded text."""

    span: Span
    value: str


@dataclass(frozen=True, slots=True)
class TypeInt:
    """A type-level integer (`42`, or `-1` written `(-1)` or after an operator), of kind `Int`."""

    span: Span
    value: int


@dataclass(frozen=True, slots=True)
class TypeArrow:
    """The function type constructor used as a name: `(->)` (so `(->) a b` is `a -> b`)."""

    span: Span


@dataclass(frozen=True, slots=True)
class TypeApp:
    span: Span
    fn: Type
    arg: Type


@dataclass(frozen=True, slots=True)
class TypeFun:
    span: Span
    arg: Type
    result: Type


@dataclass(frozen=True, slots=True)
class TypeVarBinder:
    """A type variable introduced by `forall`, a data/type/class head; `kind` when written `(a :: Type)`.

    `visible` marks `forall @a.` (PureScript 0.15): callers may then supply `a` explicitly with a visible type
    application `f @Int`. Only `forall` binders can be visible; the spans of `@a` and `(@a :: K)` include the `@`.
    """

    span: Span
    name: str
    kind: Type | None = None
    visible: bool = False


@dataclass(frozen=True, slots=True)
class TypeForall:
    span: Span
    vars: tuple[TypeVarBinder, ...]
    body: Type


@dataclass(frozen=True, slots=True)
class Constraint:
    """`Show a` in `Show a => …`, in a class's superclasses or an instance context."""

    span: Span
    class_name: Name
    args: tuple[Type, ...]


@dataclass(frozen=True, slots=True)
class TypeConstrained:
    """`(Eq a, Show a) => body`."""

    span: Span
    constraints: tuple[Constraint, ...]
    body: Type


@dataclass(frozen=True, slots=True)
class RowField:
    span: Span
    label: str
    label_span: Span
    type: Type


@dataclass(frozen=True, slots=True)
class Row:
    """Labels with types and an optional tail (`| r`)."""

    span: Span
    fields: tuple[RowField, ...]
    tail: Type | None = None


@dataclass(frozen=True, slots=True)
class TypeRecord:
    """`{ name :: String | r }` — sugar for `Record ( name :: String | r )`."""

    span: Span
    row: Row


@dataclass(frozen=True, slots=True)
class TypeRow:
    """`( name :: String | r )` — a row type."""

    span: Span
    row: Row


@dataclass(frozen=True, slots=True)
class TypeParen:
    span: Span
    type: Type


@dataclass(frozen=True, slots=True)
class TypeOperator:
    """A type-level operator occurrence (`/\\`), resolved through `infixr 6 type Tuple as /\\`."""

    span: Span
    name: str
    qualifier: str | None = None

    @property
    def full(self) -> str:
        return self.name if self.qualifier is None else f"{self.qualifier}.{self.name}"


@dataclass(frozen=True, slots=True)
class TypeOpChain:
    """Unresolved `t1 op1 t2 op2 t3`: len(operands) == len(operators) + 1."""

    span: Span
    operands: tuple[Type, ...]
    operators: tuple[TypeOperator, ...]


@dataclass(frozen=True, slots=True)
class TypeBinOp:
    span: Span
    op: TypeOperator
    left: Type
    right: Type


@dataclass(frozen=True, slots=True)
class TypeKinded:
    """`(t :: Kind)`."""

    span: Span
    type: Type
    kind: Type


# ---------------------------------------------------------------------------------------------------------------
# Literals (shared by expressions and patterns)


@dataclass(frozen=True, slots=True)
class IntLit:
    span: Span
    value: int


@dataclass(frozen=True, slots=True)
class NumberLit:
    span: Span
    value: float
    text: str


@dataclass(frozen=True, slots=True)
class StringLit:
    span: Span
    value: str


@dataclass(frozen=True, slots=True)
class CharLit:
    span: Span
    value: str


@dataclass(frozen=True, slots=True)
class BoolLit:
    span: Span
    value: bool


# ---------------------------------------------------------------------------------------------------------------
# Operators


@dataclass(frozen=True, slots=True)
class Operator:
    """An infix operator occurrence: symbolic (`<>`, `M.<>`) or a backticked name (`` `div` ``, `` `Cons` ``)."""

    span: Span
    name: str
    qualifier: str | None = None
    backtick: bool = False

    @property
    def full(self) -> str:
        return self.name if self.qualifier is None else f"{self.qualifier}.{self.name}"


# ---------------------------------------------------------------------------------------------------------------
# Patterns


@dataclass(frozen=True, slots=True)
class PatVar:
    span: Span
    name: str


@dataclass(frozen=True, slots=True)
class PatWildcard:
    span: Span


@dataclass(frozen=True, slots=True)
class PatLiteral:
    """A literal pattern; negative numbers (`-1`) are folded into the literal's value."""

    span: Span
    literal: Literal


@dataclass(frozen=True, slots=True)
class PatConstructor:
    """`Nothing`, `Just x`, `M.Leaf`: constructor name with its own span and argument patterns."""

    span: Span
    name: Name
    args: tuple[Pattern, ...]


@dataclass(frozen=True, slots=True)
class PatArray:
    span: Span
    items: tuple[Pattern, ...]


@dataclass(frozen=True, slots=True)
class PatRecordField:
    """`name` (pun: pattern is `PatVar(name)`) or `age: a`."""

    span: Span
    label: str
    label_span: Span
    pattern: Pattern
    pun: bool


@dataclass(frozen=True, slots=True)
class PatRecord:
    span: Span
    fields: tuple[PatRecordField, ...]


@dataclass(frozen=True, slots=True)
class PatNamed:
    """`all@(Cons x _)`."""

    span: Span
    name: str
    name_span: Span
    pattern: Pattern


@dataclass(frozen=True, slots=True)
class PatParen:
    span: Span
    pattern: Pattern


@dataclass(frozen=True, slots=True)
class PatTyped:
    span: Span
    pattern: Pattern
    type: Type


@dataclass(frozen=True, slots=True)
class PatOpChain:
    """Unresolved `x : y : xs` (constructor operators): len(operands) == len(operators) + 1."""

    span: Span
    operands: tuple[Pattern, ...]
    operators: tuple[Operator, ...]


@dataclass(frozen=True, slots=True)
class PatBinOp:
    span: Span
    op: Operator
    left: Pattern
    right: Pattern


# ---------------------------------------------------------------------------------------------------------------
# Expressions


@dataclass(frozen=True, slots=True)
class Var:
    """A value reference (`map`, `List.map`)."""

    span: Span
    name: str
    qualifier: str | None = None

    @property
    def full(self) -> str:
        return self.name if self.qualifier is None else f"{self.qualifier}.{self.name}"


@dataclass(frozen=True, slots=True)
class Constructor:
    """A data constructor reference (`Just`, `M.Leaf`)."""

    span: Span
    name: str
    qualifier: str | None = None

    @property
    def full(self) -> str:
        return self.name if self.qualifier is None else f"{self.qualifier}.{self.name}"


@dataclass(frozen=True, slots=True)
class OperatorRef:
    """An operator used as a function: `(+)`, `(M.<>)`. `span` covers the parentheses."""

    span: Span
    name: str
    qualifier: str | None = None

    @property
    def full(self) -> str:
        return self.name if self.qualifier is None else f"{self.qualifier}.{self.name}"


@dataclass(frozen=True, slots=True)
class Hole:
    """The anonymous argument `_` of a section; bound by the nearest enclosing `Section`."""

    span: Span


@dataclass(frozen=True, slots=True)
class TypedHole:
    """A typed hole `?name`: PureScript reports it as an error showing the type expected there (and the names in
    scope that have that type); the rest of the declaration is checked as if the hole were any value."""

    span: Span
    name: str


@dataclass(frozen=True, slots=True)
class Section:
    """`(_ + 1)`, `_.name`, `case _ of …`: a lambda whose parameters are `holes`, left to right."""

    span: Span
    holes: tuple[Hole, ...]
    body: Expr


@dataclass(frozen=True, slots=True)
class App:
    span: Span
    fn: Expr
    arg: Expr


@dataclass(frozen=True, slots=True)
class VisibleTypeApp:
    """A visible type application `expr @Type` (PureScript 0.15): supplies the type of the first `forall @a.`
    variable of `expr`'s type that is still open. `type` is one type atom (`@Int`, `@(Array a)`, `@"label"`).
    Written after the arguments so far: `f x @Int` is `(f x) @Int`, as in PureScript's grammar."""

    span: Span
    expr: Expr
    type: Type


@dataclass(frozen=True, slots=True)
class Negate:
    span: Span
    expr: Expr


@dataclass(frozen=True, slots=True)
class OpChain:
    """Unresolved `e1 op1 e2 op2 e3`: len(operands) == len(operators) + 1."""

    span: Span
    operands: tuple[Expr, ...]
    operators: tuple[Operator, ...]


@dataclass(frozen=True, slots=True)
class BinOp:
    span: Span
    op: Operator
    left: Expr
    right: Expr


@dataclass(frozen=True, slots=True)
class Lambda:
    span: Span
    params: tuple[Pattern, ...]
    body: Expr


@dataclass(frozen=True, slots=True)
class If:
    span: Span
    cond: Expr
    then_branch: Expr
    else_branch: Expr


@dataclass(frozen=True, slots=True)
class GuardCondition:
    """A boolean guard `| x > 0`."""

    span: Span
    expr: Expr


@dataclass(frozen=True, slots=True)
class GuardBind:
    """A pattern guard `| Just y <- lookup k m`."""

    span: Span
    pattern: Pattern
    expr: Expr


@dataclass(frozen=True, slots=True)
class GuardedExpr:
    """`| g1, g2 = expr` (or `-> expr` in a case alternative)."""

    span: Span
    guards: tuple[Guard, ...]
    expr: Expr


@dataclass(frozen=True, slots=True)
class Unguarded:
    """`= expr` (or `-> expr`) with its optional `where` block."""

    span: Span
    expr: Expr
    where: tuple[LocalDecl, ...] = ()


@dataclass(frozen=True, slots=True)
class Guarded:
    """One or more guarded branches sharing one optional `where` block."""

    span: Span
    branches: tuple[GuardedExpr, ...]
    where: tuple[LocalDecl, ...] = ()


@dataclass(frozen=True, slots=True)
class CaseAlt:
    """`p1, p2 -> e` or `p1, p2 | guard -> e …`: one pattern per scrutinee."""

    span: Span
    patterns: tuple[Pattern, ...]
    rhs: Rhs


@dataclass(frozen=True, slots=True)
class Case:
    span: Span
    scrutinees: tuple[Expr, ...]
    alts: tuple[CaseAlt, ...]


@dataclass(frozen=True, slots=True)
class Let:
    span: Span
    bindings: tuple[LocalDecl, ...]
    body: Expr


@dataclass(frozen=True, slots=True)
class DoBind:
    """`pattern <- expr`."""

    span: Span
    pattern: Pattern
    expr: Expr


@dataclass(frozen=True, slots=True)
class DoLet:
    span: Span
    bindings: tuple[LocalDecl, ...]


@dataclass(frozen=True, slots=True)
class DoExpr:
    span: Span
    expr: Expr


@dataclass(frozen=True, slots=True)
class Do:
    """A `do` block; `qualifier` for a qualified `M.do`."""

    span: Span
    statements: tuple[DoStatement, ...]
    qualifier: str | None = None


@dataclass(frozen=True, slots=True)
class Ado:
    """An applicative `ado` block: `ado x <- a; let y = f x; z <- b in e` (`qualifier` for `M.ado`).

    Desugars (as PureScript does) to `apply (map (\\x -> let y = f x in \\z -> e) a) b`, and to `pure e` when
    there are no statements: the expressions after `<-` (and of the expression statements) are evaluated outside
    every binder, so they cannot mention the variables bound in the block; `let` bindings are visible only to later
    `let`s and to `result`. Unlike `Do`, the block may be empty (`ado in e`) and has no final expression statement.
    """

    span: Span
    statements: tuple[DoStatement, ...]
    result: Expr
    qualifier: str | None = None


@dataclass(frozen=True, slots=True)
class Typed:
    """`e :: T`."""

    span: Span
    expr: Expr
    type: Type


@dataclass(frozen=True, slots=True)
class Paren:
    span: Span
    expr: Expr


@dataclass(frozen=True, slots=True)
class ArrayLit:
    span: Span
    items: tuple[Expr, ...]


@dataclass(frozen=True, slots=True)
class RecordField:
    """`label: value`, or a pun `label` (then `value` is `Var(label)` at the label's span and `pun` is True)."""

    span: Span
    label: str
    label_span: Span
    value: Expr
    pun: bool = False


@dataclass(frozen=True, slots=True)
class RecordLit:
    span: Span
    fields: tuple[RecordField, ...]


@dataclass(frozen=True, slots=True)
class Access:
    """`expr.field` (also `_.field` inside a `Section`, and `r.type`: keywords are labels after `.`)."""

    span: Span
    expr: Expr
    field: str
    field_span: Span


@dataclass(frozen=True, slots=True)
class UpdateSet:
    """`label = value` inside a record update."""

    span: Span
    label: str
    label_span: Span
    value: Expr


@dataclass(frozen=True, slots=True)
class UpdateNested:
    """`label { … }` inside a record update (nested update)."""

    span: Span
    label: str
    label_span: Span
    updates: tuple[RecordUpdateField, ...]


@dataclass(frozen=True, slots=True)
class RecordUpdate:
    """`expr { age = 2, address { city = "x" } }`."""

    span: Span
    expr: Expr
    updates: tuple[RecordUpdateField, ...]


# ---------------------------------------------------------------------------------------------------------------
# Local declarations (let / where / instance bodies)


@dataclass(frozen=True, slots=True)
class LocalSignature:
    span: Span
    name: str
    name_span: Span
    type: Type


@dataclass(frozen=True, slots=True)
class LocalValue:
    """One clause `f p1 p2 = rhs` (or `x = rhs`) of a local function; clauses of one name are consecutive."""

    span: Span
    name: str
    name_span: Span
    params: tuple[Pattern, ...]
    rhs: Rhs


@dataclass(frozen=True, slots=True)
class LocalPattern:
    """A pattern binding `Tuple a b = e` in `let`/`where`."""

    span: Span
    pattern: Pattern
    rhs: Rhs


# ---------------------------------------------------------------------------------------------------------------
# Module header, exports and imports


@dataclass(frozen=True, slots=True)
class ItemValue:
    """A value in an export/import list (`area`)."""

    span: Span
    name: str


@dataclass(frozen=True, slots=True)
class ItemOperator:
    """An operator in an export/import list (`(<>)`)."""

    span: Span
    name: str


@dataclass(frozen=True, slots=True)
class ItemType:
    """`Shape` (no constructors), `Shape(..)` (all_members), or `Shape(Circle, Square)` (members)."""

    span: Span
    name: str
    name_span: Span
    members: tuple[Name, ...] | None = None
    all_members: bool = False


@dataclass(frozen=True, slots=True)
class ItemTypeOperator:
    """`type (/\\)` in an export/import list."""

    span: Span
    name: str


@dataclass(frozen=True, slots=True)
class ItemClass:
    """`class Eq` in an export/import list."""

    span: Span
    name: str
    name_span: Span


@dataclass(frozen=True, slots=True)
class ItemModule:
    """`module Data.Maybe` re-export (export lists only)."""

    span: Span
    name: str
    name_span: Span


@dataclass(frozen=True, slots=True)
class ImportDecl:
    """`import M`, `import M (a, b)`, `import M hiding (a)`, `import M as X`, `import M (T) as X`."""

    span: Span
    module: str
    module_span: Span
    items: tuple[ImportItem, ...] | None = None
    hiding: bool = False
    alias: str | None = None
    alias_span: Span | None = None


# ---------------------------------------------------------------------------------------------------------------
# Top-level declarations


@dataclass(frozen=True, slots=True)
class SignatureDecl:
    span: Span
    name: str
    name_span: Span
    type: Type
    doc: str | None = None
    fingerprint: str = ""
    layout: str = ""


@dataclass(frozen=True, slots=True)
class ValueDecl:
    """One clause of a top-level function or value: `f p1 p2 = rhs` / `f p | g = e where …`."""

    span: Span
    name: str
    name_span: Span
    params: tuple[Pattern, ...]
    rhs: Rhs
    doc: str | None = None
    fingerprint: str = ""
    layout: str = ""


@dataclass(frozen=True, slots=True)
class DataCtor:
    span: Span
    name: str
    name_span: Span
    fields: tuple[Type, ...]
    doc: str | None = None


@dataclass(frozen=True, slots=True)
class DataDecl:
    """`data Maybe a = Nothing | Just a` (no constructors for `data Void`)."""

    span: Span
    name: str
    name_span: Span
    params: tuple[TypeVarBinder, ...]
    constructors: tuple[DataCtor, ...]
    doc: str | None = None
    fingerprint: str = ""
    layout: str = ""


@dataclass(frozen=True, slots=True)
class NewtypeDecl:
    span: Span
    name: str
    name_span: Span
    params: tuple[TypeVarBinder, ...]
    constructor: DataCtor
    doc: str | None = None
    fingerprint: str = ""
    layout: str = ""


@dataclass(frozen=True, slots=True)
class TypeAliasDecl:
    span: Span
    name: str
    name_span: Span
    params: tuple[TypeVarBinder, ...]
    type: Type
    doc: str | None = None
    fingerprint: str = ""
    layout: str = ""


@dataclass(frozen=True, slots=True)
class ClassMethod:
    span: Span
    name: str
    name_span: Span
    type: Type
    doc: str | None = None


@dataclass(frozen=True, slots=True)
class FunDep:
    """One functional dependency of a class head: `a b -> c` (`determiners` may be empty: `-> c`)."""

    span: Span
    determiners: tuple[str, ...]
    determined: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ClassDecl:
    """`class (Monad m, C (t m)) <= D t m | t -> m where method :: …`.

    `params` may be several (multi-parameter classes), each optionally kinded `(a :: Type)`; `superclasses` are
    constraints over any types (compound ones included); `fundeps` holds the functional dependencies after `|`, in
    source order. A class without `where` has no methods. A kind signature `class C :: Type -> Constraint` is a
    separate `KindSignatureDecl`.
    """

    span: Span
    name: str
    name_span: Span
    params: tuple[TypeVarBinder, ...]
    superclasses: tuple[Constraint, ...]
    methods: tuple[ClassMethod, ...]
    fundeps: tuple[FunDep, ...] = ()
    doc: str | None = None
    fingerprint: str = ""
    layout: str = ""


@dataclass(frozen=True, slots=True)
class InstanceDecl:
    """`instance showMaybe :: Show a => Show (Maybe a) where …` (`name` is None when omitted).

    `types` are the head's type atoms, one per class parameter (`instance C Int String`). `constraints` is the
    context before `=>` (any number, compound types allowed). `body` holds method clauses, local signatures and
    their `where` blocks.

    Instance chains: `else_span` is the span of the `else` keyword when this instance continues the chain of the
    instance declared right before it (`instance a :: C Int … else instance b :: C x …`), None when it starts a
    chain or stands alone. A chain is thus one instance with `else_span is None` followed by the consecutive
    `InstanceDecl`s with an `else_span` in `Module.decls` (see `instance_chains`). The declaration's `span` starts
    at `instance`; its fingerprint covers the `else` too.
    """

    span: Span
    name: str | None
    name_span: Span | None
    constraints: tuple[Constraint, ...]
    class_name: Name
    types: tuple[Type, ...]
    body: tuple[LocalDecl, ...]
    else_span: Span | None = None
    doc: str | None = None
    fingerprint: str = ""
    layout: str = ""


@dataclass(frozen=True, slots=True)
class DeriveDecl:
    """`derive instance eqShape :: Eq Shape`; `newtype` is True for `derive newtype instance Show Name` (reuse the
    wrapped type's instance). The name is optional, the head is as in `InstanceDecl` (context, several types)."""

    span: Span
    name: str | None
    name_span: Span | None
    constraints: tuple[Constraint, ...]
    class_name: Name
    types: tuple[Type, ...]
    newtype: bool = False
    doc: str | None = None
    fingerprint: str = ""
    layout: str = ""


@dataclass(frozen=True, slots=True)
class ForeignValueDecl:
    """`foreign import length :: forall a. Array a -> Int` (optionally `= "backend code"`, kept in `backend`)."""

    span: Span
    name: str
    name_span: Span
    type: Type
    backend: str | None = None
    doc: str | None = None
    fingerprint: str = ""
    layout: str = ""


@dataclass(frozen=True, slots=True)
class ForeignDataDecl:
    """`foreign import data Effect :: Type -> Type`."""

    span: Span
    name: str
    name_span: Span
    kind: Type | None
    doc: str | None = None
    fingerprint: str = ""
    layout: str = ""


@dataclass(frozen=True, slots=True)
class FixityDecl:
    """`infixl 6 add as +`, `infixr 6 Cons as :`, `infixr 6 type Tuple as /\\` (`is_type`)."""

    span: Span
    assoc: str  # "infixl" | "infixr" | "infix"
    precedence: int
    target: Name
    operator: str
    operator_span: Span
    is_type: bool = False
    doc: str | None = None
    fingerprint: str = ""
    layout: str = ""


@dataclass(frozen=True, slots=True)
class KindSignatureDecl:
    """A standalone kind signature: `data T :: Type -> Type`, `newtype N :: …`, `type S :: …` or
    `class C :: Type -> Constraint` (`keyword` is which). It belongs to the declaration of the same name in the
    module (same element key: `type:T` or `class:C`), which may come before or after it."""

    span: Span
    keyword: str  # "data" | "newtype" | "type" | "class"
    name: str
    name_span: Span
    kind: Type
    doc: str | None = None
    fingerprint: str = ""
    layout: str = ""


@dataclass(frozen=True, slots=True)
class Role:
    """One role of a role declaration: `nominal`, `representational` or `phantom`."""

    span: Span
    role: str


@dataclass(frozen=True, slots=True)
class RoleDecl:
    """`type role T nominal phantom`: one role per type parameter, in order (checked against `Coercible`). Its
    element key is the type's (`type:T`)."""

    span: Span
    name: str
    name_span: Span
    roles: tuple[Role, ...]
    doc: str | None = None
    fingerprint: str = ""
    layout: str = ""


@dataclass(frozen=True, slots=True)
class BrokenDecl:
    """A top-level declaration that failed to parse: what it was going to define, so later passes can stay quiet
    about uses of that name (`key` as in `decl_key`, e.g. "f", "type:T", "class:C"; None when unknowable)."""

    span: Span
    key: str | None
    name: str | None
    name_span: Span | None


@dataclass(frozen=True, slots=True)
class Module:
    """A whole file. `name` is None (and `name_span` None) when the header is missing or broken."""

    span: Span
    name: str | None
    name_span: Span | None
    exports: tuple[ExportItem, ...] | None
    imports: tuple[ImportDecl, ...]
    decls: tuple[Decl, ...]
    doc: str | None = None


# ---------------------------------------------------------------------------------------------------------------
# Unions (defined after the classes they name)

Literal = IntLit | NumberLit | StringLit | CharLit | BoolLit

Type = (
    TypeVar
    | TypeCon
    | TypeWildcard
    | TypeHole
    | TypeString
    | TypeInt
    | TypeArrow
    | TypeApp
    | TypeFun
    | TypeForall
    | TypeConstrained
    | TypeRecord
    | TypeRow
    | TypeParen
    | TypeOpChain
    | TypeBinOp
    | TypeKinded
)

Pattern = (
    PatVar
    | PatWildcard
    | PatLiteral
    | PatConstructor
    | PatArray
    | PatRecord
    | PatNamed
    | PatParen
    | PatTyped
    | PatOpChain
    | PatBinOp
)

Expr = (
    Var
    | Constructor
    | OperatorRef
    | Hole
    | TypedHole
    | Section
    | VisibleTypeApp
    | Ado
    | IntLit
    | NumberLit
    | StringLit
    | CharLit
    | BoolLit
    | App
    | Negate
    | OpChain
    | BinOp
    | Lambda
    | If
    | Case
    | Let
    | Do
    | Typed
    | Paren
    | ArrayLit
    | RecordLit
    | Access
    | RecordUpdate
)

Guard = GuardCondition | GuardBind
Rhs = Unguarded | Guarded
DoStatement = DoBind | DoLet | DoExpr
RecordUpdateField = UpdateSet | UpdateNested
LocalDecl = LocalSignature | LocalValue | LocalPattern

ImportItem = ItemValue | ItemOperator | ItemType | ItemTypeOperator | ItemClass
ExportItem = ItemValue | ItemOperator | ItemType | ItemTypeOperator | ItemClass | ItemModule

Decl = (
    SignatureDecl
    | ValueDecl
    | DataDecl
    | NewtypeDecl
    | TypeAliasDecl
    | ClassDecl
    | InstanceDecl
    | DeriveDecl
    | ForeignValueDecl
    | ForeignDataDecl
    | FixityDecl
    | KindSignatureDecl
    | RoleDecl
)

DECL_TYPES: tuple[type, ...] = (
    SignatureDecl,
    ValueDecl,
    DataDecl,
    NewtypeDecl,
    TypeAliasDecl,
    ClassDecl,
    InstanceDecl,
    DeriveDecl,
    ForeignValueDecl,
    ForeignDataDecl,
    FixityDecl,
    KindSignatureDecl,
    RoleDecl,
)


# ---------------------------------------------------------------------------------------------------------------
# Grouping declarations by the registry element they define


def instance_key(decl: InstanceDecl | DeriveDecl) -> str:
    """The element key of an instance: its name, or one spelled from its head when the name is omitted.

    The derived form (`instance:ShowMaybea` for `instance Show (Maybe a)`) depends only on the head, so it stays
    the same while the text around the instance moves.
    """
    if decl.name is not None:
        return keys.instance_key(decl.name)
    head = "".join(_type_key(t) for t in decl.types)
    # (a chain may repeat a head, `instance C x else instance C x`: the later one is a different instance)
    chained = "/else" if isinstance(decl, InstanceDecl) and decl.else_span is not None else ""
    return keys.instance_key(f"{decl.class_name.full}{head}{chained}")


def _type_key(t: Type) -> str:
    parts: list[str] = []
    stack: list[Type] = [t]
    while stack:
        node = stack.pop()
        if isinstance(node, TypeCon):
            parts.append(node.full)
        elif isinstance(node, TypeVar):
            parts.append(node.name)
        elif isinstance(node, TypeApp):
            stack.append(node.arg)
            stack.append(node.fn)
        elif isinstance(node, TypeParen):
            stack.append(node.type)
        elif isinstance(node, TypeFun):
            stack.append(node.result)
            stack.append(TypeCon(node.span, "Function"))
            stack.append(node.arg)
        elif isinstance(node, TypeRecord | TypeRow):
            parts.append("Record" if isinstance(node, TypeRecord) else "Row")
            parts.extend(field.label for field in node.row.fields)
        elif isinstance(node, TypeString):
            parts.append(repr(node.value))
        elif isinstance(node, TypeInt):
            parts.append(str(node.value))
        elif isinstance(node, TypeKinded):  # (the kind tells `Proxy (a :: Type)` from `Proxy (a :: Symbol)`)
            stack.append(node.kind)
            stack.append(node.type)
        elif isinstance(node, TypeOpChain):
            for operand, operator in zip(reversed(node.operands), (*reversed(node.operators), None), strict=True):
                stack.append(operand)
                if operator is not None:
                    stack.append(TypeCon(operator.span, operator.name, operator.qualifier))
        elif isinstance(node, TypeArrow):
            parts.append("Function")
        else:
            parts.append(type(node).__name__)
    return "".join(parts)


def instance_chains(decls: Iterable[Decl]) -> list[tuple[InstanceDecl, ...]]:
    """The instance chains of a module, in source order: each is a head instance followed by the `else instance`s
    that continue it (a standalone instance is a chain of one). Derived instances are never in a chain."""
    chains: list[list[InstanceDecl]] = []
    previous: Decl | None = None
    for decl in decls:
        if isinstance(decl, InstanceDecl):
            if decl.else_span is not None and isinstance(previous, InstanceDecl) and chains:
                chains[-1].append(decl)
            else:
                chains.append([decl])
        previous = decl
    return [tuple(chain) for chain in chains]


def decl_key(decl: Decl) -> str:
    """The registry element key a top-level declaration belongs to.

    Values (signature + clauses, foreign values) are bare names; types (`data`, `newtype`, `type`, foreign data) are
    `type:Name`; classes are `class:Name`; kind signatures and role declarations share the key of the type or
    class they describe; instances `instance:name`; fixity declarations use the operator as
    written (the operator is a value-level alias), or `type:op` for type operators.
    """
    if isinstance(decl, SignatureDecl | ValueDecl | ForeignValueDecl):
        return decl.name
    if isinstance(decl, DataDecl | NewtypeDecl | TypeAliasDecl | ForeignDataDecl | RoleDecl):
        return keys.type_key(decl.name)
    if isinstance(decl, KindSignatureDecl):
        return keys.class_key(decl.name) if decl.keyword == "class" else keys.type_key(decl.name)
    if isinstance(decl, ClassDecl):
        return keys.class_key(decl.name)
    if isinstance(decl, InstanceDecl | DeriveDecl):
        return instance_key(decl)
    if decl.is_type:
        return keys.type_key(decl.operator)
    return decl.operator


def group_declarations(decls: Iterable[Decl]) -> dict[str, tuple[Decl, ...]]:
    """Declarations grouped by element key, in source order (a signature and every clause of `f` under "f").

    Clauses of one function that are not adjacent still land in one group; the checker reports that as an error.
    """
    groups: dict[str, list[Decl]] = {}
    for decl in decls:
        groups.setdefault(decl_key(decl), []).append(decl)
    return {key: tuple(items) for key, items in groups.items()}


fast_frozen_inits(globals())  # nodes are made by the hundred thousand: see nova.frozen_init
