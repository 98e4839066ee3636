package org.jppp.tests.oracle;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Runs Wireshark's {@code tshark} over a capture and returns every decoded field of every packet
 * (PDML output read with the JDK's XML parser). tshark must be installed: test.sh installs it, and
 * a missing tshark fails the test rather than skipping it.
 */
final class Tshark {

    /** One decoded packet: the protocol layers and, per field name, every shown value. */
    record Packet(int number, List<String> protocols, Map<String, List<String>> fields) {
        List<String> values(String field) {
            return fields.getOrDefault(field, List.of());
        }

        String first(String field) {
            List<String> v = values(field);
            return v.isEmpty() ? null : v.get(0);
        }
    }

    private Tshark() {}

    static List<Packet> decode(Path pcap) throws Exception {
        Process p = new ProcessBuilder("tshark", "-n", "-r", pcap.toString(), "-T", "pdml")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        byte[] xml = readAll(p.getInputStream());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("tshark failed on " + pcap);
        }
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document doc = f.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(xml));
        NodeList packets = doc.getElementsByTagName("packet");
        List<Packet> out = new ArrayList<>();
        for (int i = 0; i < packets.getLength(); i++) {
            Element packet = (Element) packets.item(i);
            List<String> protocols = new ArrayList<>();
            Map<String, List<String>> fields = new LinkedHashMap<>();
            NodeList protos = packet.getElementsByTagName("proto");
            for (int j = 0; j < protos.getLength(); j++) {
                protocols.add(((Element) protos.item(j)).getAttribute("name"));
            }
            NodeList fs = packet.getElementsByTagName("field");
            for (int j = 0; j < fs.getLength(); j++) {
                Element field = (Element) fs.item(j);
                String show = field.hasAttribute("show") ? field.getAttribute("show") : field.getAttribute("showname");
                fields.computeIfAbsent(field.getAttribute("name"), k -> new ArrayList<>()).add(show);
            }
            out.add(new Packet(i + 1, List.copyOf(protocols), fields));
        }
        return out;
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        in.transferTo(b);
        return b.toByteArray();
    }

    static String describe(Packet p) {
        return "frame " + p.number() + " " + p.protocols() + " " + new String(
                p.fields().toString().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }
}
