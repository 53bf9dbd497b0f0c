package io.icesync.client.internal;

import io.icesync.core.store.AtomicFiles;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.icesync.client.FolderKinds;
import io.icesync.client.InvalidProfileException;
import io.icesync.client.MailOptions;
import io.icesync.client.Profile;
import io.icesync.client.Services;
import io.icesync.core.Account;
import io.icesync.core.Endpoint;
import io.icesync.core.FolderKind;
import io.icesync.core.FolderPath;
import io.icesync.core.InvalidSettingException;
import io.icesync.core.ProxyChoice;
import io.icesync.core.Security;
import io.icesync.core.TokenMechanism;
import io.icesync.core.settings.SettingsJson;
import io.icesync.core.settings.SyncSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** profile.json: the account, the trusted certificate, the settings, the folder kinds and the proxy; never a credential. */
public final class ProfileJson {
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();
    private static final List<String> FIELDS = List.of("email", "login", "imap", "trustedCertificatePem", "settings",
            "folderKinds", "folderNames", "proxy", "services", "pop3ListenerPort", "auth", "tokenMechanism",
            "mailProperties");
    private static final List<String> IMAP_FIELDS = List.of("host", "port", "security");

    private ProfileJson() {
    }

    public static String toJson(Profile p) {
        ObjectNode o = JSON.createObjectNode();
        o.put("email", p.account().email());
        o.put("login", p.account().login());
        ObjectNode imap = o.putObject("imap");
        imap.put("host", p.account().imap().host());
        imap.put("port", p.account().imap().port());
        imap.put("security", p.account().imap().security().name().toLowerCase(Locale.ROOT));
        if (p.trustedCertificatePem() != null) {
            o.put("trustedCertificatePem", p.trustedCertificatePem());
        }
        o.set("settings", settingsTree(p.settings()));
        // Written only when set, so that a profile without them stays as it was.
        if (!p.folderKinds().isEmpty()) {
            ObjectNode k = o.putObject("folderKinds");
            p.folderKinds().forEach((path, kind) -> k.put(FolderKinds.pathText(path), kind.name()));
        }
        if (p.folderNames() != null) {
            ObjectNode n = o.putObject("folderNames");
            p.folderNames().forEach((name, kind) -> n.put(name, kind.name()));
        }
        if (p.proxy().kind() != ProxyChoice.Kind.NONE) {
            o.put("proxy", p.proxy().text());
        }
        if (!p.services().equals(Services.NONE)) {
            o.set("services", ServicesJson.write(p.services()));
        }
        if (p.pop3ListenerPort() != Profile.DEFAULT_POP3_LISTENER_PORT) {
            o.put("pop3ListenerPort", p.pop3ListenerPort());
        }
        MailOptions mail = p.mail();
        if (mail.oauth()) {
            o.put("auth", "oauth");
            o.put("tokenMechanism", mail.tokenMechanism().name());
        }
        if (!mail.properties().isEmpty()) {
            ObjectNode props = o.putObject("mailProperties");
            new java.util.TreeMap<>(mail.properties()).forEach(props::put);
        }
        try {
            return JSON.writeValueAsString(o) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the file whole or not at all (see {@link AtomicFiles}). */
    public static void write(Path file, Profile p) {
        AtomicFiles.writeString(file, toJson(p));
    }

    public static Profile read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InvalidProfileException(file, "", "missing: this folder holds no profile", e);
        } catch (IOException e) {
            throw new InvalidProfileException(file, "", "cannot be read: " + e.getMessage(), e);
        }
        return fromJson(text, file);
    }

    /** @param file where the text came from, for messages; null if not from a file */
    public static Profile fromJson(String text, Path file) {
        JsonNode o;
        try {
            o = JSON.readTree(text == null ? "" : text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw new InvalidProfileException(file, "", "not valid JSON" + where + ": " + e.getOriginalMessage(), e);
        }
        if (o == null || o.isMissingNode() || !o.isObject()) {
            throw new InvalidProfileException(file, "", "expected a JSON object with the fields " + FIELDS, null);
        }
        checkFields(file, "", o, FIELDS);
        String email = text(file, o, "email", "email");
        String login = o.hasNonNull("login") ? text(file, o, "login", "login") : email;
        JsonNode imap = o.get("imap");
        if (imap == null || !imap.isObject()) {
            throw new InvalidProfileException(file, "imap", (imap == null ? "missing" : "not an object")
                    + ": expected {\"host\": ..., \"port\": ..., \"security\": \"plain|starttls|ssl\"}", null);
        }
        checkFields(file, "imap.", imap, IMAP_FIELDS);
        String host = text(file, imap, "host", "imap.host");
        JsonNode port = imap.get("port");
        if (port == null || !port.isIntegralNumber() || port.asLong() < 1 || port.asLong() > 65535) {
            throw new InvalidProfileException(file, "imap.port", "expected a port number 1..65535, got "
                    + (port == null ? "nothing" : port.toString()), null);
        }
        String secText = text(file, imap, "security", "imap.security");
        Security sec;
        try {
            sec = Security.valueOf(secText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidProfileException(file, "imap.security", "expected plain, starttls or ssl, got \""
                    + secText + "\"", null);
        }
        Account account;
        try {
            account = new Account(email, login, new Endpoint(host, port.intValue(), sec));
        } catch (IllegalArgumentException e) {
            String field = e.getMessage() != null && e.getMessage().contains("e-mail") ? "email" : "imap";
            throw new InvalidProfileException(file, field, e.getMessage(), e);
        }
        SyncSettings settings;
        try {
            settings = o.has("settings") ? SettingsJson.read(o.get("settings").toString()) : SyncSettings.defaults();
        } catch (InvalidSettingException e) {
            String field = "settings".equals(e.setting()) ? "settings" : "settings." + e.setting();
            throw new InvalidProfileException(file, field, inner(e), e);
        }
        String pem = null;
        JsonNode p = o.get("trustedCertificatePem");
        if (p != null && !p.isNull()) {
            if (!p.isTextual()) {
                throw new InvalidProfileException(file, "trustedCertificatePem", "expected PEM text, got " + p, null);
            }
            pem = p.asText();
        }
        Map<FolderPath, FolderKind> kinds = new LinkedHashMap<>();
        JsonNode k = o.get("folderKinds");
        if (k != null && !k.isNull()) {
            kindMap(file, "folderKinds", k, "folder path").forEach((key, kind) -> {
                try {
                    kinds.put(FolderKinds.parsePath(key), kind);
                } catch (InvalidSettingException e) {
                    throw new InvalidProfileException(file, "folderKinds", inner(e), e);
                }
            });
        }
        JsonNode n = o.get("folderNames");
        Map<String, FolderKind> names = n == null || n.isNull() ? null : kindMap(file, "folderNames", n, "folder name");
        ProxyChoice proxy = ProxyChoice.none();
        if (o.hasNonNull("proxy")) {
            try {
                proxy = ProxyChoice.parse(text(file, o, "proxy", "proxy"));
            } catch (InvalidSettingException e) {
                throw new InvalidProfileException(file, "proxy", inner(e), e);
            }
        }
        int listener = Profile.DEFAULT_POP3_LISTENER_PORT;
        JsonNode lp = o.get("pop3ListenerPort");
        if (lp != null && !lp.isNull()) {
            if (!lp.isIntegralNumber() || lp.asLong() < 0 || lp.asLong() > 65535) {
                throw new InvalidProfileException(file, "pop3ListenerPort", "expected a port 1..65535, or 0 for no"
                        + " local POP3 listener, got " + lp, null);
            }
            listener = lp.intValue();
        }
        MailOptions mail = mailOptions(file, o);
        try {
            return new Profile(account, settings, pem, kinds, names, proxy, ServicesJson.read(file, o.get("services")),
                    listener, mail);
        } catch (InvalidSettingException e) {
            throw new InvalidProfileException(file, e.setting(), inner(e), e);
        }
    }

    /** {@code auth}, {@code tokenMechanism} and {@code mailProperties}; each optional. */
    private static MailOptions mailOptions(Path file, JsonNode o) {
        MailOptions.Auth auth = MailOptions.Auth.PASSWORD;
        if (o.hasNonNull("auth")) {
            String a = text(file, o, "auth", "auth");
            if (!a.equals("oauth") && !a.equals("password")) {
                throw new InvalidProfileException(file, "auth", "expected \"password\" or \"oauth\", got \"" + a + "\"",
                        null);
            }
            auth = a.equals("oauth") ? MailOptions.Auth.OAUTH : MailOptions.Auth.PASSWORD;
        }
        TokenMechanism mech = TokenMechanism.XOAUTH2;
        if (o.hasNonNull("tokenMechanism")) {
            String m = text(file, o, "tokenMechanism", "tokenMechanism");
            try {
                mech = TokenMechanism.valueOf(m.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidProfileException(file, "tokenMechanism", "expected XOAUTH2 or OAUTHBEARER, got \""
                        + m + "\"", null);
            }
        }
        Map<String, String> props = new LinkedHashMap<>();
        JsonNode mp = o.get("mailProperties");
        if (mp != null && !mp.isNull()) {
            if (!mp.isObject()) {
                throw new InvalidProfileException(file, "mailProperties", "expected an object of property -> text, got "
                        + mp, null);
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = mp.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isValueNode() || e.getValue().isNull()) {
                    throw new InvalidProfileException(file, "mailProperties." + e.getKey(), "expected a text, number or"
                            + " boolean, got " + e.getValue(), null);
                }
                props.put(e.getKey(), e.getValue().asText());
            }
        }
        try {
            return new MailOptions(auth, mech, props);
        } catch (InvalidSettingException e) {
            throw new InvalidProfileException(file, "mailProperties", inner(e), e);
        }
    }

    /** An object of text to kind, in the file's order; a kind in any case. */
    /** The settings as SettingsJson writes them, as a node of the profile's tree. */
    private static JsonNode settingsTree(SyncSettings s) {
        try {
            return JSON.readTree(SettingsJson.write(s));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("settings JSON that does not read back", e);
        }
    }

    private static Map<String, FolderKind> kindMap(Path file, String field, JsonNode o, String what) {
        if (!o.isObject()) {
            throw new InvalidProfileException(file, field, "expected an object of " + what + " -> kind, got " + o, null);
        }
        Map<String, FolderKind> m = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            try {
                m.put(e.getKey(), FolderKinds.parseKind(v.isTextual() ? v.textValue() : null));
            } catch (InvalidSettingException x) {
                throw new InvalidProfileException(file, field, "\"" + e.getKey() + "\": expected one of "
                        + FolderKinds.NAMES + ", got " + v, x);
            }
        }
        return m;
    }

    /** The message without its "setting: " prefix, which the profile's field replaces. */
    private static String inner(InvalidSettingException e) {
        String m = e.getMessage();
        String prefix = e.setting() + ": ";
        return m != null && m.startsWith(prefix) ? m.substring(prefix.length()) : m;
    }

    private static void checkFields(Path file, String prefix, JsonNode o, List<String> known) {
        o.fieldNames().forEachRemaining(n -> {
            if (!known.contains(n)) {
                throw new InvalidProfileException(file, prefix + n, "unknown field; known fields are " + known, null);
            }
        });
    }

    private static String text(Path file, JsonNode o, String name, String field) {
        JsonNode n = o.get(name);
        if (n == null || n.isNull()) {
            throw new InvalidProfileException(file, field, "missing", null);
        }
        if (!n.isTextual() || n.asText().isBlank()) {
            throw new InvalidProfileException(file, field, "expected a non-empty text, got " + n, null);
        }
        return n.asText();
    }
}
