package io.github.camelgb28181.manscdp.command;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reads generated bodies back with a DOM parser that refuses DTDs, as a device's parser would see them. */
final class Xml {

    private Xml() {
    }

    private static DocumentBuilder builder() throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        f.setNamespaceAware(false);
        DocumentBuilder b = f.newDocumentBuilder();
        b.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
            @Override
            public void error(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXException {
                throw e;
            }
        });
        return b;
    }

    /** Parses the String as it is (the declared encoding is not applied to characters). */
    static Element parse(String xml) throws Exception {
        Document d = builder().parse(new InputSource(new StringReader(xml)));
        return d.getDocumentElement();
    }

    /** Parses bytes, so the parser decodes them by the declared encoding, as a device does. */
    static Element parse(byte[] xml) throws Exception {
        Document d = builder().parse(new ByteArrayInputStream(xml));
        return d.getDocumentElement();
    }

    static List<String> childNames(Element e) {
        List<String> names = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE) {
                names.add(n.getNodeName());
            }
        }
        return names;
    }

    /** The element at a {@code /}-separated path of child names below {@code e}, or null. */
    static Element at(Element e, String path) {
        Element cur = e;
        for (String step : path.split("/")) {
            Element next = null;
            for (Node n = cur.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n.getNodeType() == Node.ELEMENT_NODE && n.getNodeName().equals(step)) {
                    next = (Element) n;
                    break;
                }
            }
            if (next == null) {
                return null;
            }
            cur = next;
        }
        return cur;
    }

    static String text(Element e, String path) {
        Element el = at(e, path);
        assertNotNull(el, "no element " + path);
        return el.getTextContent();
    }

    /**
     * Checks the envelope every request has: the root, then CmdType, SN and DeviceID first, then exactly the given
     * top-level elements in order.
     */
    static Element checkEnvelope(String xml, String root, String cmdType, int sn, String deviceId,
                                 String... rest) throws Exception {
        assertTrue(xml.startsWith("<?xml version=\"1.0\" encoding=\"GB2312\"?>\r\n"), xml);
        Element e = parse(xml);
        assertEquals(root, e.getNodeName());
        List<String> expected = new ArrayList<>(List.of("CmdType", "SN", "DeviceID"));
        expected.addAll(List.of(rest));
        assertEquals(expected, childNames(e), xml);
        assertEquals(cmdType, text(e, "CmdType"));
        assertEquals(Integer.toString(sn), text(e, "SN"));
        assertEquals(deviceId, text(e, "DeviceID"));
        return e;
    }
}
