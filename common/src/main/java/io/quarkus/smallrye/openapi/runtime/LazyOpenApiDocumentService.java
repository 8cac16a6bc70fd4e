package io.quarkus.smallrye.openapi.runtime;

import io.quarkus.arc.Unremovable;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import io.quarkus.smallrye.openapi.runtime.filter.AutoSecurityFilter;
import io.smallrye.openapi.runtime.io.Format;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the API docs on their first request instead of while the service starts. The extension
 * parses its build-time document into a model (and loads SmallRye OpenAPI and SnakeYAML for it,
 * about 500 classes and 5-8 MB of idle memory in api-service) even when ENABLE_API_DOCS is off and
 * nobody can ask for it. The start-up call is only noted here; the first request for a document
 * runs it, with the class loader it would have had at start-up.
 * <p>
 * It lives in the extension's package because that call is package-private, so it only takes
 * effect where both are loaded by one class loader: the packaged service. In dev and test mode the
 * application's classes have a class loader of their own, and the extension's service is kept.
 */
@IfBuildProfile("prod")
@Alternative
@Priority(1)
@ApplicationScoped
@Unremovable
class LazyOpenApiDocumentService extends OpenApiDocumentService {
    private record Preparation(AutoSecurityFilter autoSecurityFilter, Map<OpenApiFilter.RunStage, List<String>> filters,
                               ClassLoader classLoader) {
    }

    private final Map<String, Preparation> pending = new HashMap<>();

    @Override
    synchronized void prepareDocument(AutoSecurityFilter autoSecurityFilter, Map<OpenApiFilter.RunStage, List<String>> filters,
                                      String documentName) {
        pending.put(documentName, new Preparation(autoSecurityFilter, filters, Thread.currentThread().getContextClassLoader()));
    }

    @Override
    public byte[] getDocument(String documentName, Format format) {
        prepare(documentName);
        return super.getDocument(documentName, format);
    }

    private synchronized void prepare(String documentName) {
        Preparation preparation = pending.remove(documentName);
        if (preparation == null) {
            return;
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(preparation.classLoader());
        try {
            super.prepareDocument(preparation.autoSecurityFilter(), preparation.filters(), documentName);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
