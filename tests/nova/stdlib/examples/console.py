"""Examples: the rest of Effect.Console (debug, the `…Show` forms, timers, groups) and Effect.Class.Console."""

HEADER = """
import Prelude
import Effect (Effect)
import Effect.Console as C
import Effect.Class.Console as CC
"""

EXAMPLES: list[tuple[str, str]] = [
    (
        'do\n  C.debug "d"\n  C.infoShow 1\n  C.debugShow [2]\n  C.warnShow true\n  C.errorShow \'x\'\n  C.clear\n  n <- C.grouped "g" (pure 3)\n  C.groupCollapsed "h"\n  C.groupEnd\n  pure n',
        "3",
    ),
    ('do\n  C.time "t"\n  C.timeLog "t"\n  C.timeEnd "t"\n  C.timeEnd "t"\n  pure 1', "1"),
    (
        'do\n  CC.log "a"\n  CC.logShow 1\n  CC.warn "w"\n  CC.warnShow 2\n  CC.error "e"\n  CC.errorShow 3\n  CC.info "i"\n  CC.infoShow 4\n  CC.debug "d"\n  CC.debugShow 5\n  CC.clear\n  CC.time "t"\n  CC.timeLog "t"\n  CC.timeEnd "t"\n  CC.groupCollapsed "c"\n  CC.group "g"\n  CC.groupEnd\n  CC.grouped "h" (pure 6) :: Effect Int',
        "6",
    ),
]
