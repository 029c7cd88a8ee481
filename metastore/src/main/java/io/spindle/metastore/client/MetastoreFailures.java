package io.spindle.metastore.client;

import io.spindle.metastore.CatalogErrorCode;
import io.spindle.metastore.CatalogException;
import org.apache.thrift.TException;

/** Turns the metastore's checked exceptions into {@link CatalogException}s that say what was being done. */
public final class MetastoreFailures {
    private MetastoreFailures() {}

    /** A metastore call that may fail with the Thrift API's exceptions. */
    @FunctionalInterface
    public interface Call<T> {
        T call() throws TException;
    }

    /** Runs {@code call}; a failure becomes {@link CatalogErrorCode#METASTORE_ERROR} "Could not {@code what}: ...". */
    public static <T> T call(String what, Call<T> call) {
        try {
            return call.call();
        } catch (TException e) {
            throw failure(what, e);
        }
    }

    public static CatalogException failure(String what, Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new CatalogException(CatalogErrorCode.METASTORE_ERROR, "Could not " + what + ": " + message, e);
    }
}
