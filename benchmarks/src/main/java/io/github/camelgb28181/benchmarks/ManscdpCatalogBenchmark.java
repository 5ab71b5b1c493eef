package io.github.camelgb28181.benchmarks;

import io.github.camelgb28181.manscdp.ManscdpMessage;
import io.github.camelgb28181.manscdp.ManscdpParseException;
import io.github.camelgb28181.manscdp.ManscdpParser;
import io.github.camelgb28181.manscdp.ManscdpReader;
import io.github.camelgb28181.manscdp.model.CatalogResponse;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

/**
 * A 100-item catalog Response in GB2312 (about 55 KB): the envelope parse alone, the typed read alone, and the two
 * ways the platform has read a MESSAGE body for both: envelope then typed document (two XML parses, as before
 * issue 6) and the single pass of {@link ManscdpReader#readMessage} (envelope noted while the document is bound).
 */
public class ManscdpCatalogBenchmark extends BenchmarkDefaults {

    private final ManscdpParser parser = new ManscdpParser();
    private final ManscdpReader reader = new ManscdpReader();
    private byte[] body;

    @Setup
    public void setUp() throws ManscdpParseException {
        body = SampleMessages.catalog(100);
        if (reader.read(body, null, CatalogResponse.class).getItems().size() != 100) {
            throw new IllegalStateException("the sample catalog does not read as 100 items");
        }
    }

    @Benchmark
    public ManscdpMessage envelope() throws ManscdpParseException {
        return parser.parse(body);
    }

    @Benchmark
    public CatalogResponse typed() throws ManscdpParseException {
        return reader.read(body, null, CatalogResponse.class);
    }

    @Benchmark
    public ManscdpMessage envelopeThenTyped() throws ManscdpParseException {
        ManscdpMessage m = parser.parse(body);
        return m.withDocument(reader.readText(m.xml()).message());
    }

    @Benchmark
    public ManscdpMessage singlePass() throws ManscdpParseException {
        return reader.readMessage(body, null);
    }
}
