package io.drizzlemigrator.benchmarks;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** Writes the run's figures as JSON: environment, then every figure with its samples, median, min and max. */
final class JsonReport {

    private JsonReport() {
    }

    static void write(Results results, Path file) throws IOException {
        try (JsonGenerator g = new JsonFactory().createGenerator(file.toFile(), JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeObjectFieldStart("environment");
            for (Map.Entry<String, String> e : results.environment.entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeArrayFieldStart("figures");
            for (Figure f : results.all()) {
                g.writeStartObject();
                g.writeStringField("scenario", f.scenario);
                g.writeStringField("dataset", f.dataset);
                g.writeStringField("tool", f.tool);
                g.writeStringField("metric", f.metric);
                g.writeStringField("unit", f.unit);
                if (f.stats().isPresent()) {
                    Stats s = f.stats().get();
                    g.writeNumberField("median", round(s.median()));
                    g.writeNumberField("min", round(s.min()));
                    g.writeNumberField("max", round(s.max()));
                }
                g.writeArrayFieldStart("values");
                for (double v : f.values) {
                    g.writeNumber(round(v));
                }
                g.writeEndArray();
                g.writeArrayFieldStart("errors");
                for (String e : f.errors) {
                    g.writeString(e);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
