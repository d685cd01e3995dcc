" Vim syntax file for Nova (a PureScript-shaped functional language), used by Neovim when tree-sitter has no parser.
if exists('b:current_syntax')
  finish
endif

syn case match
syn iskeyword @,48-57,_,'

" Identifiers and names
syn match novaIdentifier "\<[a-z_][A-Za-z0-9_']*\>" contains=NONE
syn match novaConstructor "\<[A-Z][A-Za-z0-9_']*\>"
syn match novaQualifier "\<\%([A-Z][A-Za-z0-9_']*\.\)\+" nextgroup=novaIdentifier,novaConstructor,novaOperator
syn match novaWildcard "\<_\>"

" Keywords
syn keyword novaModuleKeyword module import as hiding
syn keyword novaStructure data newtype type class instance derive foreign
syn keyword novaInfix infix infixl infixr
syn keyword novaConditional if then else case of
syn keyword novaKeyword let in where do
syn keyword novaForall forall
syn match novaForall "∀"
syn keyword novaBoolean true false

" Declarations: a signature `name ::` at the start of a line, and the module name in the header.
syn match novaSignature "^\s*\%(foreign\s\+import\s\+\)\?\zs\%([a-z_][A-Za-z0-9_']*\|([:!#$%&*+./<=>?@\\^|~-]\+)\)\ze\s*\%(::\|∷\)"
syn match novaDefinition "^\%(module\|where\|import\|data\|newtype\|type\|class\|instance\|derive\|foreign\|infixl\|infixr\|infix\|let\|in\|case\|of\|if\|then\|else\|do\|forall\)\@![a-z_][A-Za-z0-9_']*\ze\%(\s\|$\)"
syn match novaModuleName "\%(^\%(module\|import\)\s\+\)\@<=[A-Z][A-Za-z0-9_'.]*"

" Operators and reserved symbols
syn match novaOperator "[:!#$%&*+./<=>?@\\^|~-]\+"
syn match novaReservedOp "\%([:!#$%&*+./<=>?@\\^|~-]\)\@<!\%(::\|->\|<-\|=>\|=\||\|\\\|@\|\.\.\)\%([:!#$%&*+./<=>?@\\^|~-]\)\@!"
syn match novaReservedOp "[∷→←⇒]"
syn match novaBacktick "`\%([A-Z][A-Za-z0-9_']*\.\)*[A-Za-z_][A-Za-z0-9_']*`"
syn match novaDelimiter "[(),;\[\]{}]"
syn match novaField "\%([A-Za-z0-9_')}\]]\.\)\@<=[a-z_][A-Za-z0-9_']*"

" Literals
syn match novaNumber "\<\d[0-9_]*\>"
syn match novaNumber "\<0x[0-9A-Fa-f]\+\>"
syn match novaFloat "\<\d[0-9_]*\.\d[0-9_]*\%([eE][+-]\?\d\+\)\?\>"
syn match novaFloat "\<\d[0-9_]*[eE][+-]\?\d\+\>"
syn match novaEscape contained "\\\%([\\\"'ntr0]\|x[0-9A-Fa-f]\{1,6}\|u[0-9A-Fa-f]\{4}\)"
syn match novaBadEscape contained "\\[^\\\"'ntr0xu]"
syn region novaString start=+"+ skip=+\\\\\|\\"+ end=+"+ end=+$+ contains=novaEscape,novaBadEscape,@Spell
syn region novaTripleString start=+"""+ end=+"""+ contains=@Spell
syn match novaChar "\%([A-Za-z0-9_']\)\@<!'\%([^'\\]\|\\\%([\\\"'ntr0]\|x[0-9A-Fa-f]\{1,6}\|u[0-9A-Fa-f]\{4}\)\)'" contains=novaEscape

" Comments (block comments nest; `-- |` and `{-|` are documentation)
syn keyword novaTodo contained TODO FIXME XXX NOTE
syn match novaLineComment "\%([:!#$%&*+./<=>?@\\^|~-]\)\@<!---*\%([:!#$%&*+./<=>?@\\^|~]\)\@!.*$" contains=novaTodo,@Spell
syn match novaDocComment "\%([:!#$%&*+./<=>?@\\^|~-]\)\@<!---*\s*|.*$" contains=novaTodo,@Spell
syn match novaEvalComment "\%([:!#$%&*+./<=>?@\\^|~-]\)\@<!--\s\+>\s.*$" contains=@Spell
syn region novaBlockComment start="{-" end="-}" contains=novaBlockComment,novaTodo,@Spell fold
syn region novaDocBlockComment start="{-|" end="-}" contains=novaBlockComment,novaTodo,@Spell fold

hi def link novaIdentifier NONE
hi def link novaConstructor Type
hi def link novaQualifier Include
hi def link novaWildcard Special
hi def link novaField Identifier
hi def link novaModuleKeyword Include
hi def link novaStructure Structure
hi def link novaInfix Keyword
hi def link novaConditional Conditional
hi def link novaKeyword Keyword
hi def link novaForall Keyword
hi def link novaBoolean Boolean
hi def link novaSignature Function
hi def link novaDefinition Function
hi def link novaModuleName Include
hi def link novaOperator Operator
hi def link novaReservedOp Keyword
hi def link novaBacktick Operator
hi def link novaDelimiter Delimiter
hi def link novaNumber Number
hi def link novaFloat Float
hi def link novaEscape SpecialChar
hi def link novaBadEscape Error
hi def link novaString String
hi def link novaTripleString String
hi def link novaChar Character
hi def link novaTodo Todo
hi def link novaLineComment Comment
hi def link novaDocComment SpecialComment
hi def link novaEvalComment PreProc
hi def link novaBlockComment Comment
hi def link novaDocBlockComment SpecialComment

let b:current_syntax = 'nova'
