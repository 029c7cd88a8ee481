package io.spindle.formats.types;

import java.io.ObjectStreamException;

/** A parameterless type; the only instances are the constants on {@link DataType}. */
public final class PrimitiveType implements DataType {
    private static final long serialVersionUID = 1L;

    private final TypeKind kind;
    private final String name;

    PrimitiveType(TypeKind kind, String name) {
        this.kind = kind;
        this.name = name;
    }

    @Override
    public TypeKind kind() {
        return kind;
    }

    @Override
    public String simpleString() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }

    /** Keeps the singletons unique across serialization, so identity comparison stays valid. */
    private Object readResolve() throws ObjectStreamException {
        return DataType.of(kind);
    }
}
