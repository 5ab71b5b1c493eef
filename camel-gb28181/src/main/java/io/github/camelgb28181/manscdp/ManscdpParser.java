package io.github.camelgb28181.manscdp;

import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the envelope of a MANSCDP body with a streaming parser. DTDs and external entities are off (the body comes
 * from the network). NUL bytes, which some devices pad bodies with, are removed before parsing; a body the strict
 * parse refuses gets a second parse after {@link ManscdpRepair}. For the typed body use {@link ManscdpReader}.
 */
public final class ManscdpParser {

    private static final int MAX_BODY = 1024 * 1024;

    private final XMLInputFactory factory;

    public ManscdpParser() {
        factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        try {
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        } catch (IllegalArgumentException ignored) {
            // not every StAX implementation knows this property; DTD support is off anyway
        }
    }

    public ManscdpMessage parse(byte[] body) throws ManscdpParseException {
        return parse(body, null);
    }

    /**
     * Reads a body with the device's charset override.
     *
     * @param override the device's charset ({@link DeviceCharsets}), or null to detect it
     */
    public ManscdpMessage parse(byte[] body, java.nio.charset.Charset override) throws ManscdpParseException {
        if (body.length == 0) {
            throw new ManscdpParseException("empty MANSCDP body", null);
        }
        if (body.length > MAX_BODY) {
            throw new ManscdpParseException("MANSCDP body of " + body.length + " bytes is too large", null);
        }
        String xml = stripXmlDeclaration(ManscdpCharsets.decode(body, override).replace("\0", ""));
        try {
            return parseXml(xml);
        } catch (XMLStreamException | RuntimeException e) {
            String repaired = repaired(xml);
            if (repaired == null) {
                throw new ManscdpParseException("unreadable MANSCDP body: " + e.getMessage(), e);
            }
            try {
                return parseXml(repaired);
            } catch (XMLStreamException | RuntimeException e2) {
                // what is still wrong once the known device quirks are repaired
                throw new ManscdpParseException("unreadable MANSCDP body: " + e2.getMessage(), e2);
            }
        }
    }

    private ManscdpMessage parseXml(String xml) throws XMLStreamException {
        XMLStreamReader r = factory.createXMLStreamReader(new StringReader(xml));
        try {
            return read(r, xml);
        } finally {
            r.close();
        }
    }

    /**
     * Second chance for a body the strict parse refused: the text after {@link ManscdpRepair} (stray {@code &} and
     * {@code <}, control characters, root attributes, ...), without its declaration. Bodies with a DTD get no second
     * chance.
     *
     * @return the repaired text, or null when there is nothing to retry
     */
    private static String repaired(String xml) {
        try {
            if (ManscdpRepair.containsDoctype(xml)) {
                return null;
            }
            ManscdpRepair.Result repaired = ManscdpRepair.repair(xml);
            if (repaired.root() == null) {
                return null;
            }
            String fixed = stripXmlDeclaration(repaired.xml());
            return fixed.equals(xml) ? null : fixed;
        } catch (RuntimeException | StackOverflowError e) {
            return null;
        }
    }

    private static ManscdpMessage read(XMLStreamReader r, String xml) throws XMLStreamException {
        EnvelopeRecorder envelope = new EnvelopeRecorder(r);
        envelope.drain();
        return envelope.toMessage(xml);
    }

    /**
     * The text without surrounding blanks and without its XML declaration, which names the byte encoding that no
     * longer applies to decoded text. One copy at most: bodies can be catalogs of tens of kilobytes.
     */
    static String stripXmlDeclaration(String xml) {
        int from = skipBlanks(xml, 0);
        if (xml.startsWith("<?xml", from)) {
            int end = xml.indexOf("?>", from);
            if (end > 0) {
                from = skipBlanks(xml, end + 2);
            }
        }
        int to = xml.length();
        while (to > from && xml.charAt(to - 1) <= ' ') {
            to--;
        }
        return xml.substring(from, to);
    }

    private static int skipBlanks(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) <= ' ') {
            i++;
        }
        return i;
    }
}
