package dev.webui.api.code;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;

import java.util.Optional;

/** Environment-only settings of the code interpreter, under Open WebUI's names. */
@ConfigMapping(prefix = "")
public interface InterpreterConfig {
    /** CODE_INTERPRETER_BLOCKED_MODULES: comma-separated modules the model's code may not import directly. */
    @WithName("CODE_INTERPRETER_BLOCKED_MODULES")
    Optional<String> blockedModules();
}
