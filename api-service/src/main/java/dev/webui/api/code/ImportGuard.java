package dev.webui.api.code;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Python put before the interpreter's code when {@code CODE_INTERPRETER_BLOCKED_MODULES} names
 * modules: the code itself (module {@code __main__}) gets an ImportError for them, while the
 * libraries it uses may still import them, as Open WebUI does. Only names that are Python
 * identifiers (dotted) are taken, so nothing else can reach the generated code.
 */
final class ImportGuard {
    private ImportGuard() {
    }

    static List<String> modules(String setting) {
        return setting == null ? List.of() : Arrays.stream(setting.split(","))
                .map(String::strip)
                .filter(name -> name.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*"))
                .distinct().toList();
    }

    /** {@code code} behind the guard, or as it is when nothing is blocked. */
    static String apply(List<String> blocked, String code) {
        if (blocked.isEmpty()) {
            return code;
        }
        String names = blocked.stream().map(name -> "'" + name + "'").collect(Collectors.joining(", "));
        return """
                import builtins as _guard_builtins
                _guard_blocked = {%s}
                _guard_import = _guard_builtins.__import__
                def _guard_checked_import(name, globals=None, locals=None, fromlist=(), level=0):
                    if name.split('.')[0] in _guard_blocked and (globals or {}).get('__name__') == '__main__':
                        raise ImportError(f"Direct import of module {name} is restricted.")
                    return _guard_import(name, globals, locals, fromlist, level)
                _guard_builtins.__import__ = _guard_checked_import
                """.formatted(names) + code;
    }
}
