package io.icesync.examples.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.icesync.client.FolderKinds;
import io.icesync.core.engine.FolderReport;
import io.icesync.core.engine.SyncReport;
import io.icesync.core.engine.UnsyncedFolder;

/** {@code icesync sync --once --json}: a cycle's report as the document of docs/cli-json.md. */
final class ReportJson {
    private ReportJson() {
    }

    static ObjectNode document(SyncReport r, int exitCode) {
        ObjectNode o = CliJson.document();
        o.put("exitCode", exitCode).put("ok", r.ok()).put("changedAnything", r.changedAnything())
                .put("tookMillis", r.took().toMillis());
        ObjectNode totals = o.putObject("totals");
        totals.put("folders", r.folders().size()).put("downloaded", r.downloaded()).put("uploaded", r.uploaded())
                .put("flagsToServer", r.folders().stream().mapToInt(FolderReport::flagsToServer).sum())
                .put("flagsToLocal", r.folders().stream().mapToInt(FolderReport::flagsToLocal).sum())
                .put("deletedOnServer", r.folders().stream().mapToInt(FolderReport::deletedOnServer).sum())
                .put("deletedLocally", r.folders().stream().mapToInt(FolderReport::deletedLocally).sum())
                .put("movedOnServer", r.folders().stream().mapToInt(FolderReport::movedOnServer).sum())
                .put("failed", r.failed())
                .put("folderErrors", r.folders().stream().filter(f -> f.error() != null).count())
                .put("folderChanges", r.structureChanges().size());
        ArrayNode changes = o.putArray("folderChanges");
        r.structureChanges().forEach(changes::add);
        ArrayNode folders = o.putArray("folders");
        for (FolderReport f : r.folders()) {
            folders.addObject().put("folder", FolderKinds.pathText(f.folder())).put("downloaded", f.downloaded())
                    .put("uploaded", f.uploaded()).put("flagsToServer", f.flagsToServer())
                    .put("flagsToLocal", f.flagsToLocal()).put("deletedOnServer", f.deletedOnServer())
                    .put("deletedLocally", f.deletedLocally()).put("movedOnServer", f.movedOnServer())
                    .put("failed", f.failed()).put("error", f.error());
        }
        ArrayNode notSynced = o.putArray("notSynced");
        for (UnsyncedFolder u : r.notSynced()) {
            notSynced.addObject().put("folder", FolderKinds.pathText(u.folder())).put("kind", FolderKinds.kindText(u.kind()))
                    .put("reason", u.reason()).put("remedy", u.remedy());
        }
        o.put("summary", r.summary());
        return o;
    }
}
