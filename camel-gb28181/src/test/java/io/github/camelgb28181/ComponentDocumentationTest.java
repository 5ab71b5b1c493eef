package io.github.camelgb28181;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The generated metadata (from the Javadoc of the setters) and the component .adoc must describe the same options
 * and headers, and every option must have a description.
 */
class ComponentDocumentationTest {

    private static JsonNode metadata() throws Exception {
        try (InputStream in = ComponentDocumentationTest.class
                .getResourceAsStream("/META-INF/io/github/camelgb28181/gb28181.json")) {
            assertNotNull(in, "generated component metadata is on the classpath");
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void everyOptionAndHeaderIsDocumentedInTheAdoc() throws Exception {
        String adoc = Files.readString(Path.of("src/main/docs/gb28181-component.adoc"));
        JsonNode json = metadata();
        List<String> missing = new ArrayList<>();
        for (String section : new String[] { "componentProperties", "properties" }) {
            for (Iterator<String> it = json.get(section).fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!adoc.contains("\n| *" + name + "* (")) {
                    missing.add(section + "." + name);
                }
            }
        }
        for (Iterator<String> it = json.get("headers").fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!adoc.contains("\n| `" + name + "` | ")) {
                missing.add("headers." + name);
            }
        }
        assertEquals(List.of(), missing, "regenerate the option tables of gb28181-component.adoc");
    }

    @Test
    void everyOptionHasADescription() throws Exception {
        JsonNode json = metadata();
        for (String section : new String[] { "componentProperties", "properties", "headers" }) {
            json.get(section).fields().forEachRemaining(e -> assertTrue(
                    e.getValue().path("description").asText().length() > 10, section + "." + e.getKey()));
        }
    }
}
