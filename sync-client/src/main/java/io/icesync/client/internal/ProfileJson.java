package io.icesync.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.icesync.client.Profile;
import io.icesync.core.Account;
import io.icesync.core.Endpoint;
import io.icesync.core.InvalidSettingException;
import io.icesync.core.Security;
import io.icesync.core.StoreException;
import io.icesync.core.settings.SettingsJson;
import io.icesync.core.settings.SyncSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Set;

/** profile.json: the account, the trusted certificate and the settings; never a credential. */
public final class ProfileJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Set<String> FIELDS = Set.of("email", "login", "imap", "trustedCertificatePem", "settings");

    private ProfileJson() {
    }

    public static void write(Path file, Profile p) {
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
        o.set("settings", SettingsJson.toTree(p.settings()));
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.write(tmp, JSON.writeValueAsBytes(o));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StoreException("cannot write " + file, e);
        }
    }

    public static Profile read(Path file) {
        JsonNode o;
        try {
            o = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new InvalidSettingException(file.toString(), "not readable JSON: " + e.getMessage(), e);
        }
        if (o == null || !o.isObject()) {
            throw new InvalidSettingException(file.toString(), "expected a JSON object");
        }
        o.fieldNames().forEachRemaining(n -> {
            if (!FIELDS.contains(n)) {
                throw new InvalidSettingException(file + ": " + n, "unknown field; known fields are " + FIELDS);
            }
        });
        String email = text(file, o, "email");
        String login = o.has("login") ? text(file, o, "login") : email;
        JsonNode imap = o.get("imap");
        if (imap == null || !imap.isObject()) {
            throw new InvalidSettingException(file + ": imap", "missing: expected {\"host\", \"port\", \"security\"}");
        }
        Security sec;
        try {
            sec = Security.valueOf(text(file, imap, "security").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(file + ": imap.security", "expected plain, starttls or ssl, got "
                    + imap.get("security"));
        }
        JsonNode port = imap.get("port");
        if (port == null || !port.canConvertToInt()) {
            throw new InvalidSettingException(file + ": imap.port", "expected a port number, got " + port);
        }
        Account account;
        try {
            account = new Account(email, login, new Endpoint(text(file, imap, "host"), port.intValue(), sec));
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(file.toString(), e.getMessage());
        }
        SyncSettings settings;
        try {
            settings = o.has("settings") ? SettingsJson.fromTree(o.get("settings")) : SyncSettings.defaults();
        } catch (InvalidSettingException e) {
            throw new InvalidSettingException(file + ": settings." + e.setting(), e.getMessage(), e);
        }
        String pem = o.hasNonNull("trustedCertificatePem") ? o.get("trustedCertificatePem").asText() : null;
        return new Profile(account, settings, pem);
    }

    private static String text(Path file, JsonNode o, String field) {
        JsonNode n = o.get(field);
        if (n == null || !n.isTextual() || n.asText().isBlank()) {
            throw new InvalidSettingException(file + ": " + field, "missing or not a text value");
        }
        return n.asText();
    }
}
