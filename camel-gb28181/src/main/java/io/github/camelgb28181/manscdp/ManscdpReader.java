package io.github.camelgb28181.manscdp;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.util.EnumSet;
import java.util.Set;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;

import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.stax.WstxInputFactory;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.xml.XmlFactory;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import io.github.camelgb28181.manscdp.model.Envelope;
import io.github.camelgb28181.manscdp.model.Envelopes;

/**
 * Reads MANSCDP bodies into the typed model of {@code io.github.camelgb28181.manscdp.model}: decode (GB2312/GBK/
 * GB18030/UTF-8 detection, or a per-device override), {@link ManscdpRepair repair}, then bind with Jackson XML on a
 * Woodstox parser with DTDs, external entities and external resources off and element depth limited.
 *
 * <p>
 * Every failure is a {@link ManscdpParseException}; no other exception type (and no {@link StackOverflowError})
 * escapes {@code read}. Instances are thread-safe; create one and share it.
 *
 * <pre>{@code
 * Envelope m = reader.read(body, null);
 * if (m instanceof CatalogResponse c) {
 *     for (CatalogItem item : c.getItems()) { ... item.getDeviceId(), item.getName(), item.getKind() ... }
 * }
 * }</pre>
 */
public final class ManscdpReader {

    /** Largest body accepted, in bytes (the same limit as {@link ManscdpParser}). */
    public static final int MAX_BODY_BYTES = 1024 * 1024;

    /** Deepest element nesting accepted (MANSCDP needs about 5). */
    public static final int MAX_DEPTH = 64;

    private static final int MAX_ATTRIBUTES = 64;

    /** A read body: the message, the repairs it needed and the repaired text that was parsed. */
    public record Document(Envelope message, Set<ManscdpRepair.Fix> repairs, String xml) {
    }

    private final ObjectReader objectReader;
    private final XmlFactory xmlFactory;

    /** A bound document and the envelope noted while it was parsed. */
    private record Read(Document document, EnvelopeRecorder envelope) {
    }

    public ManscdpReader() {
        WstxInputFactory input = new WstxInputFactory();
        input.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        input.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        input.setProperty(XMLInputFactory.IS_COALESCING, true);
        input.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external resources are not read: " + systemId);
        });
        input.setProperty(WstxInputProperties.P_MAX_ELEMENT_DEPTH, MAX_DEPTH);
        input.setProperty(WstxInputProperties.P_MAX_ATTRIBUTES_PER_ELEMENT, MAX_ATTRIBUTES);
        input.setProperty(WstxInputProperties.P_MAX_ENTITY_COUNT, 1000);
        input.setProperty(WstxInputProperties.P_MAX_ENTITY_DEPTH, 2);
        input.setProperty(WstxInputProperties.P_ALLOW_XML11_ESCAPED_CHARS_IN_XML10, true);
        XmlFactory factory = XmlFactory.builder().xmlInputFactory(input).build();
        this.xmlFactory = factory;
        SimpleModule trimming = new SimpleModule("manscdp-trim");
        trimming.addDeserializer(String.class, new TrimmingStringDeserializer());
        XmlMapper mapper = XmlMapper.builder(factory)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
                .disable(MapperFeature.USE_GETTERS_AS_SETTERS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .visibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .addModule(trimming)
                .build();
        this.objectReader = mapper.reader();
    }

    /** Reads a body, detecting its charset. */
    public Envelope read(byte[] body) throws ManscdpParseException {
        return read(body, null);
    }

    /**
     * Reads a body.
     *
     * @param override the device's charset, or null to detect it ({@link ManscdpCharsets#decode(byte[])})
     */
    public Envelope read(byte[] body, Charset override) throws ManscdpParseException {
        return readDocument(body, override).message();
    }

    /** Reads a body that must be of the given kind, for example {@code CatalogResponse.class}. */
    public <T extends Envelope> T read(byte[] body, Charset override, Class<T> expected) throws ManscdpParseException {
        Envelope m = read(body, override);
        if (!expected.isInstance(m)) {
            throw new ManscdpParseException("expected " + expected.getSimpleName() + " but the body is <" + m.getRoot()
                    + "> " + m.getCmdType(), null);
        }
        return expected.cast(m);
    }

    /** Reads a body and tells which repairs it needed. */
    public Document readDocument(byte[] body, Charset override) throws ManscdpParseException {
        byte[] clean = ManscdpRepair.stripNul(checkSize(body));
        Document d = readText(decode(clean, override));
        if (clean != body) {
            EnumSet<ManscdpRepair.Fix> fixes = EnumSet.of(ManscdpRepair.Fix.NUL_BYTES);
            fixes.addAll(d.repairs());
            d = new Document(d.message(), Set.copyOf(fixes), d.xml());
        }
        return d;
    }

    /**
     * Reads a MESSAGE body into its envelope and its typed document with one parse: Jackson pulls the events of the
     * XML parser and an {@link EnvelopeRecorder} notes CmdType, SN, DeviceID and the other top-level elements on
     * the way, where reading the envelope with {@link ManscdpParser} and then the document parsed the text twice.
     * The message's text is the parsed one: repaired when it needed repairs, without its XML declaration.
     */
    public ManscdpMessage readMessage(byte[] body, Charset override) throws ManscdpParseException {
        Read read = readRecording(decode(ManscdpRepair.stripNul(checkSize(body)), override));
        try {
            return read.envelope().toMessage(ManscdpParser.stripXmlDeclaration(read.document().xml()))
                    .withDocument(read.document().message());
        } catch (XMLStreamException e) {
            throw new ManscdpParseException("unreadable MANSCDP body: " + e.getMessage(), e);
        }
    }

    private static byte[] checkSize(byte[] body) throws ManscdpParseException {
        if (body == null || body.length == 0) {
            throw new ManscdpParseException("empty MANSCDP body", null);
        }
        if (body.length > MAX_BODY_BYTES) {
            throw new ManscdpParseException(
                    "MANSCDP body of " + body.length + " bytes is too large (limit " + MAX_BODY_BYTES + ")", null);
        }
        return body;
    }

    private static String decode(byte[] clean, Charset override) throws ManscdpParseException {
        try {
            return ManscdpCharsets.decode(clean, override);
        } catch (RuntimeException e) {
            throw new ManscdpParseException("undecodable MANSCDP body: " + e, e);
        }
    }

    /** Reads an already decoded body. */
    public Document readText(String text) throws ManscdpParseException {
        return readRecording(text).document();
    }

    private Read readRecording(String text) throws ManscdpParseException {
        if (text == null || text.isBlank()) {
            throw new ManscdpParseException("empty MANSCDP body", null);
        }
        if (text.length() > MAX_BODY_BYTES) {
            throw new ManscdpParseException("MANSCDP body of " + text.length() + " characters is too large", null);
        }
        if (ManscdpRepair.containsDoctype(text)) {
            throw new ManscdpParseException("MANSCDP body with a DOCTYPE or ENTITY declaration refused", null);
        }
        ManscdpRepair.Result repaired;
        try {
            repaired = ManscdpRepair.repair(text);
        } catch (RuntimeException | StackOverflowError e) {
            throw new ManscdpParseException("unrepairable MANSCDP body: " + e, e);
        }
        if (repaired.root() == null) {
            throw new ManscdpParseException("unreadable MANSCDP body: no root element", null);
        }
        Envelope message;
        EnvelopeRecorder envelope;
        try {
            envelope = new EnvelopeRecorder(xmlFactory.getXMLInputFactory()
                    .createXMLStreamReader(new StringReader(repaired.xml())));
            try (JsonParser parser = xmlFactory.createParser(envelope)) {
                message = Envelopes.read(objectReader, Envelopes.typeFor(repaired.root(), repaired.cmdType()),
                        parser, repaired.root());
            }
        } catch (JsonProcessingException e) {
            throw new ManscdpParseException("unreadable MANSCDP body: " + firstLine(e.getOriginalMessage()), e);
        } catch (IOException | XMLStreamException | RuntimeException e) {
            throw new ManscdpParseException("unreadable MANSCDP body: " + firstLine(String.valueOf(e.getMessage())), e);
        } catch (StackOverflowError e) {
            throw new ManscdpParseException("unreadable MANSCDP body: nested too deeply", null);
        }
        if (message == null) {
            throw new ManscdpParseException("unreadable MANSCDP body: no content", null);
        }
        if (message.getCmdType() == null || message.getCmdType().isEmpty()) {
            throw new ManscdpParseException("unreadable MANSCDP body: no CmdType in <" + repaired.root() + ">", null);
        }
        return new Read(new Document(message, repaired.fixes(), repaired.xml()), envelope);
    }

    /** The Jackson step alone, on already repaired text (package-private so tests can reach the parser directly). */
    <T extends Envelope> T bind(Class<T> type, String xml, String root) throws IOException {
        return Envelopes.read(objectReader, type, xml, root);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "(no detail)";
        }
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }

    /** Strings trimmed: devices pad values with spaces and line breaks. */
    private static final class TrimmingStringDeserializer extends StdScalarDeserializer<String> {

        private static final long serialVersionUID = 1L;

        TrimmingStringDeserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String s = StringDeserializer.instance.deserialize(p, ctxt);
            return s == null ? null : s.trim();
        }
    }
}
