package io.icesync.webdav.dav;

import io.icesync.webdav.DavResource;
import io.icesync.webdav.Depth;
import io.icesync.webdav.Precondition;
import io.icesync.webdav.WebDavClient;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The Radicale of ../shared/peers/radicale-up.sh, and another client of it: plain WebDAV requests
 * on a user's home, as a phone or Thunderbird would make them, to change things behind the store's back.
 */
final class RadicalePeer implements AutoCloseable {
    static final int PORT = Integer.getInteger("icesync.radicale.port", 15232);
    static final URI SERVER = URI.create("http://127.0.0.1:" + PORT + "/");
    static final String PASSWORD = "secret";

    private final WebDavClient client;

    RadicalePeer(String user) {
        client = WebDavClient.builder(SERVER.resolve("/" + user + "/")).credentials(user, PASSWORD.toCharArray()).build();
    }

    static DavRemoteStore store(String user, java.nio.file.Path state) {
        return DavRemoteStore.builder(SERVER).credentials(user, PASSWORD.toCharArray()).state(state).build();
    }

    static String event(String uid, String summary) {
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Other client//EN\r\nBEGIN:VEVENT\r\nUID:" + uid + "\r\n"
                + "DTSTAMP:20261101T080000Z\r\nDTSTART:20261102T090000Z\r\nDTEND:20261102T100000Z\r\n"
                + "SUMMARY:" + summary + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    }

    static String card(String uid, String name) {
        return "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:" + uid + "\r\nFN:" + name + "\r\nN:" + name + ";;;;\r\n"
                + "EMAIL;TYPE=INTERNET:" + uid + "@example.com\r\nEND:VCARD\r\n";
    }

    /** The path (relative to the home, ending with '/') of the collection shown under this name. */
    String collection(String displayName) {
        for (DavResource r : client.propfind("", Depth.ONE)) {
            if (r.collection() && displayName.equals(r.displayName())) {
                return r.path();
            }
        }
        throw new AssertionError("no collection named " + displayName);
    }

    boolean hasCollection(String displayName) {
        return client.propfind("", Depth.ONE).stream().anyMatch(r -> r.collection() && displayName.equals(r.displayName()));
    }

    /** The resources of a collection (names). */
    List<String> names(String collection) {
        return client.propfind(collection, Depth.ONE).stream().filter(r -> !r.collection()).map(DavResource::name)
                .sorted().toList();
    }

    /** The text of every resource of a collection. */
    List<String> contents(String collection) {
        return names(collection).stream().map(n -> read(collection + n)).toList();
    }

    String read(String path) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        client.get(path, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    void write(String path, String text, String type) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        client.put(path, new ByteArrayInputStream(b), b.length, type, Precondition.none());
    }

    void delete(String path) {
        client.delete(path, null);
    }

    void deleteCollectionNamed(String displayName) {
        if (hasCollection(displayName)) {
            client.delete(collection(displayName), null);
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
