package io.spindle.metastore;

/**
 * Who owns a table's files. Dropping a managed table deletes its data; dropping an external one
 * leaves it. A remote Hive 4 metastore turns a created managed non-ACID table into an external
 * one with {@code external.table.purge=true} ("translated to external"); Spindle reads that back as
 * {@link #MANAGED}, since the data is still dropped with the table.
 */
public enum TableKind {
    MANAGED,
    EXTERNAL
}
