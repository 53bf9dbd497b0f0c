package io.icesync.core;

/** What a folder holds (F3.3). */
public enum FolderKind {
    MAIL, CONTACTS, EVENTS, TASKS, NOTES, JOURNAL, DOCUMENTS
}
