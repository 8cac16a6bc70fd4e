package dev.webui.api.plugin;

import dev.webui.common.error.ApiException;

/** The answer to anything that would run Python code: it does not run here, tool servers do. */
final class PythonPlugins {
    static final String NOT_RUN = "Python tools and functions do not run on this server: their code cannot be created, "
            + "imported or changed here. Connect an OpenAPI or MCP tool server instead (Admin Settings > External Tools); "
            + "its tools appear in chats like any other.";

    private PythonPlugins() {
    }

    static ApiException refused() {
        return ApiException.badRequest(NOT_RUN);
    }
}
