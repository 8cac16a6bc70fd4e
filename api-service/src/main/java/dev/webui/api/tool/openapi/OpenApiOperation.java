package dev.webui.api.tool.openapi;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * One operation of a tool server, as the model sees it and as it is called.
 *
 * @param function   the OpenAI function definition ({@code name}, {@code description}, {@code parameters})
 * @param method     the HTTP method, upper case
 * @param path       the path template ({@code /items/{id}})
 * @param parameters where each non-body argument goes
 * @param body       how the request body is made from the arguments
 */
public record OpenApiOperation(String name, ObjectNode function, String method, String path, List<Parameter> parameters,
                               Body body) {
    /** An argument sent in the path, the query or a header. */
    public record Parameter(String name, String in) {
    }

    public enum Body {
        /** No request body. */
        NONE,
        /** The body's properties are arguments of their own: the body is every argument not sent elsewhere. */
        PROPERTIES,
        /** The body is not an object with properties (an array, a value): it is the argument {@code body}. */
        WHOLE
    }

    public static final String WHOLE_BODY_ARGUMENT = "body";
}
