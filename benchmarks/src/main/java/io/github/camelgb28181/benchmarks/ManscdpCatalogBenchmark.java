package io.github.camelgb28181.benchmarks;

import io.github.camelgb28181.manscdp.ManscdpMessage;
import io.github.camelgb28181.manscdp.ManscdpParseException;
import io.github.camelgb28181.manscdp.ManscdpParser;
import io.github.camelgb28181.manscdp.ManscdpReader;
import io.github.camelgb28181.manscdp.model.CatalogResponse;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * A catalog Response in GB2312, of one item (about 0.8 KB, the size of most answers: DeviceInfo, ConfigDownload, a
 * status) or 100 items (about 55 KB): the envelope parse alone, the typed read alone, and the two
 * ways the platform has read a MESSAGE body for both: envelope then typed document (two XML parses, as before
 * issue 6) and the single pass of {@link ManscdpReader#readMessage} (envelope noted while the document is bound).
 */
public class ManscdpCatalogBenchmark extends BenchmarkDefaults {

    private final ManscdpParser parser = new ManscdpParser();
    private final ManscdpReader reader = new ManscdpReader();
    private byte[] body;

    @Param({ "1", "100" })
    public int items;

    @Setup
    public void setUp() throws ManscdpParseException {
        body = SampleMessages.catalog(items);
        if (reader.read(body, null, CatalogResponse.class).getItems().size() != items) {
            throw new IllegalStateException("the sample catalog does not read as " + items + " items");
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
