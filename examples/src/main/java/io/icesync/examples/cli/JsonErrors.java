package io.icesync.examples.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;

/**
 * With {@code --json}, a failed command tells why on stderr as one JSON document (docs/cli-json.md,
 * "Errors"), built from the lines it would have printed: stdout keeps only the command's own document,
 * so a script that parses stdout never meets an error text.
 */
final class JsonErrors {
    private JsonErrors() {
    }

    static boolean wanted(String... args) {
        return Arrays.asList(args).contains("--json");
    }

    /** A short name for an exit code, stable for scripts. */
    static String kind(int code) {
        return switch (code) {
            case ExitCodes.OK -> "ok";
            case ExitCodes.PARTIAL -> "partial";
            case ExitCodes.USAGE -> "usage";
            case ExitCodes.SERVER -> "server";
            case ExitCodes.PROFILE -> "profile";
            case ExitCodes.MASS_DELETE -> "massDelete";
            case ExitCodes.UNKNOWN_FOLDER -> "unknownFolder";
            case ExitCodes.FATAL -> "internal";
            case ExitCodes.INTERRUPTED -> "interrupted";
            default -> "other";
        };
    }

    /**
     * {@code {"schemaVersion":1,"error":{"exitCode":3,"kind":"server","message":"...","details":[...]}}}:
     * the first line is the message (without "icesync: "), the lines after it the details, up to a usage text.
     */
    static ObjectNode document(int code, String stderr) {
        ObjectNode e = CliJson.MAPPER.createObjectNode();
        e.put("exitCode", code).put("kind", kind(code));
        String message = null;
        ArrayNode details = CliJson.MAPPER.createArrayNode();
        for (String line : stderr.split("\\R")) {
            String l = line.strip();
            if (l.isEmpty()) {
                continue;
            }
            if (l.startsWith("Usage:")) {
                break;
            }
            if (message == null) {
                message = l.startsWith("icesync: ") ? l.substring("icesync: ".length()) : l;
            } else {
                details.add(l);
            }
        }
        e.put("message", message != null ? message : "failed with exit code " + code);
        e.set("details", details);
        return CliJson.document("error", e);
    }
}
