package io.spindle.jobs.linecount;

/** A named text for the line-count tests. */
record Sample(String name, byte[] bytes) {

    @Override
    public String toString() {
        return name + " (" + bytes.length + " bytes)";
    }
}
