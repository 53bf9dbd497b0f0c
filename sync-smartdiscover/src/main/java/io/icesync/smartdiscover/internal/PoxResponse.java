package io.icesync.smartdiscover.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** An Autodiscover POX answer (Outlook schema): settings, a redirect, or an error code. */
public sealed interface PoxResponse {
    /** The protocol entries, each as element name to text, in the order sent. */
    record Settings(List<Map<String, String>> protocols) implements PoxResponse {
    }

    record RedirectAddr(String address) implements PoxResponse {
    }

    record RedirectUrl(String url) implements PoxResponse {
    }

    record Error(String code, String message) implements PoxResponse {
    }

    /** Parses a response body; a malformed or hostile one is an IOException saying why. */
    static PoxResponse parse(byte[] body) throws IOException {
        JsonNode root = SafeXml.read(body);
        JsonNode response = root.get("Response");
        if (response == null) {
            throw new IOException("no Response element: not an Autodiscover answer");
        }
        JsonNode error = response.get("Error");
        if (error != null) {
            return new Error(SafeXml.text(error, "ErrorCode"), SafeXml.text(error, "Message"));
        }
        JsonNode account = response.get("Account");
        if (account == null) {
            throw new IOException("no Account element in the Autodiscover answer");
        }
        JsonNode accountError = account.get("Error");
        if (accountError != null) {
            return new Error(SafeXml.text(accountError, "ErrorCode"), SafeXml.text(accountError, "Message"));
        }
        String action = SafeXml.text(account, "Action");
        String a = action == null ? "settings" : action.toLowerCase(Locale.ROOT);
        switch (a) {
            case "redirectaddr" -> {
                String to = SafeXml.text(account, "RedirectAddr");
                if (to == null || to.isEmpty()) {
                    throw new IOException("Action redirectAddr without a RedirectAddr");
                }
                return new RedirectAddr(to);
            }
            case "redirecturl" -> {
                String to = SafeXml.text(account, "RedirectUrl");
                if (to == null || to.isEmpty()) {
                    throw new IOException("Action redirectUrl without a RedirectUrl");
                }
                return new RedirectUrl(to);
            }
            case "settings" -> {
                List<Map<String, String>> protocols = new ArrayList<>();
                for (JsonNode p : SafeXml.all(account, "Protocol")) {
                    protocols.add(flatten(p));
                }
                return new Settings(protocols);
            }
            default -> throw new IOException("unknown Action '" + action + "'");
        }
    }

    /** A Protocol element's children as name to text; nested elements as "Parent.Child". */
    private static Map<String, String> flatten(JsonNode p) {
        Map<String, String> out = new LinkedHashMap<>();
        flatten("", p, out);
        return out;
    }

    private static void flatten(String prefix, JsonNode n, Map<String, String> out) {
        if (n.isValueNode()) {
            out.putIfAbsent(prefix.isEmpty() ? "" : prefix, n.asText().trim());
            return;
        }
        if (n.isArray()) {
            n.forEach(x -> flatten(prefix, x, out));
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> it = n.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey().isEmpty() ? prefix : prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            flatten(key, e.getValue(), out);
        }
    }
}
